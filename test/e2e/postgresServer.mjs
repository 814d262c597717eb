// A throwaway Postgres server from Debian's `postgresql` package, for the
// tests of the example's DATABASE_URL mode: a new cluster in a temporary
// folder, on a free 127.0.0.1 port, as the `postgres` user when run as root
// (Postgres refuses to run as root).
import { execFileSync } from "node:child_process";
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VERSIONS = "/usr/lib/postgresql";

/** Postgres's bin folder, or `undefined` when the package is not installed. */
export function postgresBin() {
  if (!existsSync(VERSIONS)) return undefined;
  const [newest] = readdirSync(VERSIONS)
    .filter((version) => existsSync(join(VERSIONS, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return newest && join(VERSIONS, newest, "bin");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a new server; `{ url, stop(), start() }`. */
export async function startPostgres() {
  const bin = postgresBin();
  if (!bin) throw new Error("Debian's postgresql package is not installed");
  const dir = mkdtempSync(join(tmpdir(), "posts-postgres-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(
      execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }),
    );
    const gid = Number(
      execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }),
    );
    chownSync(dir, uid, gid);
  }
  const run = (tool, args) =>
    execFileSync(
      asRoot ? "runuser" : join(bin, tool),
      asRoot ? ["-u", "postgres", "--", join(bin, tool), ...args] : args,
      { stdio: "pipe", cwd: tmpdir() },
    );
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const server = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () =>
      run("pg_ctl", [
        "-D",
        data,
        "-o",
        options,
        "-w",
        "-l",
        join(dir, "log"),
        "start",
      ]),
    /** `fast`: ends every connection at once, as a restart does. */
    stop: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    remove() {
      try {
        server.stop();
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}

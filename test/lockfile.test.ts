import { execFile } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { missingOptionalPackages } from "../scripts/check-lockfile.mjs";
// @ts-expect-error: a plain .mjs script without type declarations
import { describeChanges } from "../scripts/refresh-compat-locks.mjs";

const lockWith = (packages: Record<string, unknown>) => ({
  lockfileVersion: 3,
  packages: { "": { name: "app" }, ...packages },
});

describe("check-lockfile", () => {
  it("should find optional platform packages missing at any depth", () => {
    const lock = lockWith({
      "node_modules/tool": {
        optionalDependencies: { "tool-linux": "1.0.0", "tool-darwin": "1.0.0" },
      },
      "node_modules/tool-linux": { version: "1.0.0" },
      "node_modules/a/node_modules/tool": {
        optionalDependencies: { "tool-win": "2.0.0", "tool-linux": "2.0.0" },
      },
      "node_modules/a/node_modules/tool-win": { version: "2.0.0" },
    });
    expect(missingOptionalPackages(lock)).toEqual([
      { from: "node_modules/tool", name: "tool-darwin", wanted: "1.0.0" },
    ]);
  });

  it("should pass on this repository's lockfile and fail, naming what to do, on an incomplete one", async () => {
    const run = (...args: string[]) =>
      promisify(execFile)("node", ["scripts/check-lockfile.mjs", ...args])
        .then(({ stdout }) => ({ code: 0, stdout, stderr: "" }))
        .catch(
          (error: { code: number; stdout: string; stderr: string }) => error,
        );
    expect((await run()).code).toBe(0);

    const file = join(mkdtempSync(join(tmpdir(), "lock-")), "lock.json");
    const lock = lockWith({
      "node_modules/@biomejs/biome": {
        optionalDependencies: { "@biomejs/cli-darwin-arm64": "9.9.9" },
      },
    });
    writeFileSync(file, JSON.stringify(lock));
    const failed = await run(file);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      "@biomejs/cli-darwin-arm64@9.9.9 (optional dependency of node_modules/@biomejs/biome)",
    );
    expect(failed.stderr).toMatch(/npm ci` fails on a fresh clone/);
  });
});

describe("compat lockfiles", () => {
  const row = "pubnub11-core4-react18";
  const check = (...args: string[]) =>
    promisify(execFile)("node", ["scripts/compat-locks.mjs", ...args])
      .then(({ stdout }) => ({ code: 0, stdout, stderr: "" }))
      .catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
  /** A copy of compat/ and of the matrix, to break on purpose. */
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), "compat-"));
    cpSync("compat", join(dir, "compat"), { recursive: true });
    const matrix = join(dir, "matrix.json");
    cpSync("scripts/compat-matrix.json", matrix);
    return { locks: join(dir, "compat"), matrix };
  };

  it("should pass on the committed lockfiles", async () => {
    const passed = await check();
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/a lockfile matching .* each of the 10/);
  });

  it("should fail, naming the command that writes it, when a row's lockfile is missing", async () => {
    const { locks, matrix } = copy();
    rmSync(join(locks, row, "package-lock.json"));
    const failed = await check(matrix, locks);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      `${row}: compat/${row}/package-lock.json is missing`,
    );
    expect(failed.stderr).toContain(`npm run compat:lock -- --only ${row}`);
  });

  it("should fail when a row's versions move without its lockfile", async () => {
    const { locks, matrix } = copy();
    const bumped = JSON.parse(readFileSync(matrix, "utf8"));
    bumped.rows.find(({ id }: { id: string }) => id === row).packages.pubnub =
      "11.0.3";
    writeFileSync(matrix, JSON.stringify(bumped));
    const failed = await check(matrix, locks);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      `${row}: compat/${row}/package.json differs from scripts/compat-matrix.json`,
    );
    expect(failed.stderr).toMatch(
      /locks pubnub@11\.0\.2, the matrix wants 11\.0\.3/,
    );
    expect(failed.stderr).not.toContain("pubnub12-core4-react18");
  });

  it("should say which packages a refreshed lockfile moved", () => {
    expect(
      describeChanges(
        { "node_modules/a": "1.0.0", "node_modules/b": "1.0.0" },
        {
          "node_modules/a": "1.1.0",
          "node_modules/x/node_modules/c": "2.0.0",
        },
      ),
    ).toEqual([
      "~ a 1.0.0 → 1.1.0 (node_modules/a)",
      "+ c@2.0.0 (node_modules/x/node_modules/c)",
      "- b@1.0.0 (node_modules/b)",
    ]);
  });
});

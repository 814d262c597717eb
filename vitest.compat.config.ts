import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { defineConfig, mergeConfig, type Plugin } from "vitest/config";
import base from "./vitest.config.ts";

// One row of `npm run test:compat`: the packages installed in COMPAT_DIR
// (pubnub, @refinedev/core, React, …) replace the repository's own, for the
// tests and for everything those packages import in turn.
const dir = process.env.COMPAT_DIR;
if (dir === undefined) {
  throw new Error(
    "vitest.compat.config.ts is run by `npm run test:compat`, which sets COMPAT_DIR.",
  );
}
const { dependencies } = JSON.parse(
  readFileSync(join(dir, "package.json"), "utf8"),
) as { dependencies: Record<string, string> };
// import.meta.resolve from a module inside COMPAT_DIR resolves as Node would
// there, with the same conditions the repository's own packages get.
const { resolveHere } = (await import(
  pathToFileURL(resolve(dir, "resolve.mjs")).href
)) as { resolveHere(specifier: string): string };

const packageName = (specifier: string): string =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const compatPackages: Plugin = {
  name: "compat-packages",
  enforce: "pre",
  resolveId(source) {
    if (!(packageName(source) in dependencies)) return null;
    return fileURLToPath(resolveHere(source));
  },
};

export default mergeConfig(
  base,
  defineConfig({
    plugins: [compatPackages],
    test: { typecheck: { enabled: false } },
  }),
);

// Minified + gzipped size of each entry, peers external, as a browser
// bundler would ship it. `--check` fails when an entry is over its budget;
// `--json FILE` writes the numbers for the benchmark report.
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

// Budgets in bytes, gzipped. See BENCHMARKS.md for the reasoning.
export const BUDGETS = {
  ".": 6_000,
  "./react": 300,
  "./server": 3_000,
  "./testing": 5_000,
};
const ENTRIES = {
  ".": "dist/index.js",
  "./react": "dist/react.js",
  "./server": "dist/server.js",
  "./testing": "dist/testing.js",
};
const EXTERNAL = [
  "pubnub",
  "@refinedev/core",
  "react",
  "msw",
  "ably",
  "node:*",
];

async function measure(entryPoint) {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    external: EXTERNAL,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
  };
}

const rows = [];
for (const [entry, file] of Object.entries(ENTRIES)) {
  rows.push({
    entry: `@refinedev/pubnub${entry.slice(1)}`,
    budget: BUDGETS[entry],
    ...(await measure(file)),
  });
}
const ably = await measure("node_modules/@refinedev/ably/dist/index.mjs").catch(
  () => undefined,
);
if (ably)
  rows.push({
    entry: "@refinedev/ably (for context)",
    budget: undefined,
    ...ably,
  });

for (const row of rows) {
  console.log(
    `${row.entry.padEnd(32)} ${String(row.minified).padStart(7)} B min  ${String(row.gzipped).padStart(6)} B gzip${row.budget ? `  (budget ${row.budget} B)` : ""}`,
  );
}
const jsonIndex = process.argv.indexOf("--json");
if (jsonIndex !== -1)
  writeFileSync(process.argv[jsonIndex + 1], JSON.stringify(rows, null, 2));
if (process.argv.includes("--check")) {
  const over = rows.filter(
    (row) => row.budget !== undefined && row.gzipped > row.budget,
  );
  for (const row of over) {
    console.error(
      `${row.entry} is ${row.gzipped} B gzipped, over its ${row.budget} B budget.`,
    );
  }
  if (over.length > 0) process.exit(1);
  console.log("bundle sizes within budget");
}

// Minified + gzipped size of each entry, peers external, as a browser
// bundler would ship it. `--check` fails when an entry is over its budget;
// `--budget ENTRY=BYTES` overrides one budget (e.g. `--budget .=2000`);
// `--json FILE` writes the numbers, and what the main entry's bytes are made
// of, for the benchmark report.
import { existsSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

// Budgets in bytes, gzipped: the measured size plus a little room, so that
// growth is a decision, not an accident. Why the main entry is not 2 KB:
// BENCHMARKS.md, "Bundle size".
const BUDGETS = {
  // 7,577 B: one live session per client, guarded callbacks and a class per
  // error category (7,025 B), the provider internals presence reads (7,131 B),
  // and coalescing bursts with duplicate suppression (+446 B, issue #14).
  ".": 7_650,
  // 3,936 B: usePresence and the presence core (useConnectionState alone
  // is under 300 B, and bundlers drop usePresence when it is not used).
  "./react": 4_000,
  "./presence": 3_800, // 3,632 B: the presence core and its errors
  "./server": 3_000, // 2,914 B with presence grants (2,832 before)
  "./testing": 6_700, // 6,570 B: the emulator split by concern (issue 23); test code, never in an app bundle
  "./react-query": 900, // 820 B: withLiveInvalidation and its onStats counts, no TanStack code of its own
};
process.argv.forEach((argument, index) => {
  if (argument !== "--budget") return;
  const [entry, bytes] = String(process.argv[index + 1]).split("=");
  if (!(entry in BUDGETS) || !(Number(bytes) > 0)) {
    console.error(
      `--budget takes ENTRY=BYTES with ENTRY one of ${Object.keys(BUDGETS).join(", ")}, got ${process.argv[index + 1]}.`,
    );
    process.exit(2);
  }
  BUDGETS[entry] = Number(bytes);
});
const ENTRIES = {
  ".": "dist/index.js",
  "./react": "dist/react.js",
  "./presence": "dist/presence.js",
  "./react-query": "dist/react-query.js",
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

const missing = Object.values(ENTRIES).filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(
    `${missing.join(", ")} missing: run \`npm run build\` before measuring.`,
  );
  process.exit(2);
}

async function bundle(options) {
  const result = await build({
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    ...options,
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

async function measure(entryPoint, external = EXTERNAL) {
  const { minified, gzipped } = await bundle({
    entryPoints: [entryPoint],
    external,
  });
  return { minified, gzipped };
}

// What an app ships for `import { names } from specifier`.
async function measureImport(specifier, names, external = EXTERNAL) {
  const { minified, gzipped } = await bundle({
    stdin: {
      contents: `export { ${names} } from ${JSON.stringify(specifier)};`,
      resolveDir: process.cwd(),
    },
    external,
  });
  return { minified, gzipped };
}

// Minified bytes of each source module in the main entry.
async function mainEntryModules() {
  const { minified, metafile } = await bundle({
    entryPoints: ["src/index.ts"],
    external: EXTERNAL,
    metafile: true,
  });
  const [output] = Object.values(metafile.outputs);
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .map(([module, input]) => ({
      module,
      minified: input.bytesInOutput,
      share: `${Math.round((input.bytesInOutput / minified) * 100)} %`,
    }));
}

const rows = [];
for (const [entry, file] of Object.entries(ENTRIES)) {
  rows.push({
    entry: `@refinedev/pubnub${entry.slice(1)}`,
    budget: BUDGETS[entry],
    ...(await measure(file)),
  });
}
rows.push({
  entry: "{ liveProvider } only",
  budget: undefined,
  ...(await measureImport("./dist/index.js", "liveProvider")),
});
const context = {
  "@refinedev/ably (for context)": () =>
    measure("node_modules/@refinedev/ably/dist/index.mjs"),
  "pubnub SDK (for context)": () => measureImport("pubnub", "default", []),
};
for (const [entry, measureContext] of Object.entries(context)) {
  const size = await measureContext().catch(() => undefined);
  if (size) rows.push({ entry, budget: undefined, ...size });
}

for (const row of rows) {
  console.log(
    `${row.entry.padEnd(32)} ${String(row.minified).padStart(7)} B min  ${String(row.gzipped).padStart(6)} B gzip${row.budget ? `  (budget ${row.budget} B)` : ""}`,
  );
}
const jsonIndex = process.argv.indexOf("--json");
if (jsonIndex !== -1) {
  writeFileSync(
    process.argv[jsonIndex + 1],
    JSON.stringify({ rows, modules: await mainEntryModules() }, null, 2),
  );
}
if (process.argv.includes("--check")) {
  const over = rows.filter(
    (row) => row.budget !== undefined && row.gzipped > row.budget,
  );
  for (const row of over) {
    console.error(
      `${row.entry} is ${row.gzipped} B gzipped, over its ${row.budget} B budget. Run \`npm run bench\` to see which modules grew (BENCHMARKS.md, "Bundle size"), then shrink them or raise the budget in scripts/bundle-size.mjs on purpose.`,
    );
  }
  if (over.length > 0) process.exit(1);
  console.log("bundle sizes within budget");
}

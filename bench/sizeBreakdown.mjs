// For BENCHMARKS.md, next to size-limit's numbers (`.size-limit.js`): what
// the main entry's production bytes are made of, and, for context, refine's
// Ably provider and the PubNub SDK measured the same way.
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const EXTERNAL = [
  "pubnub",
  "@refinedev/core",
  "react",
  "msw",
  "ably",
  "node:*",
];

async function bundle(options, external = EXTERNAL) {
  const result = await build({
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
    external,
    ...options,
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

// Minified bytes of each source module in the main entry.
async function mainEntryModules() {
  const { minified, metafile } = await bundle({
    entryPoints: ["src/index.ts"],
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

const context = [];
for (const [entry, options, external] of [
  [
    "@refinedev/ably",
    { entryPoints: ["node_modules/@refinedev/ably/dist/index.mjs"] },
  ],
  [
    "pubnub SDK",
    {
      stdin: { contents: 'export { default } from "pubnub";', resolveDir: "." },
    },
    [],
  ],
]) {
  const size = await bundle(options, external).catch(() => undefined);
  if (size) {
    const { minified, gzipped } = size;
    context.push({ entry: `${entry} (for context)`, minified, gzipped });
  }
}
const file = process.argv[2] ?? ".tmp/bench/size-breakdown.json";
writeFileSync(
  file,
  JSON.stringify({ context, modules: await mainEntryModules() }, null, 2),
);
console.log(`wrote ${file}`);

// `npm run bench`, second part: bench/refetch.bench.test.tsx on refine 4
// (@refinedev/core 4.58 with TanStack Query 4), installed as the
// compatibility matrix's row of that name.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const ROW = "pubnub11-core4-react18";
const root = resolve(import.meta.dirname, "..");
const cache = resolve(
  process.env.REFINE_PUBNUB_COMPAT_CACHE ?? join(root, ".tmp/compat"),
);

function run(args, env = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`Refetch bench on refine 4 (${ROW})`);
run(["scripts/test-compat.mjs", "--only", ROW, "--install-only"]);
run(
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--config",
    "vitest.bench-compat.config.ts",
    "bench/refetch.bench.test.tsx",
  ],
  { COMPAT_DIR: join(cache, ROW), PUBNUB_SUBSCRIBE_LOOP: "event-engine" },
);

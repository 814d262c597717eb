import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

// `npm run bench`: measurements, not tests of behaviour. Each file records
// its numbers with bench/record.ts; bench/report.mjs writes BENCHMARKS.md.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      dir: "bench",
      include: ["**/*.bench.test.ts", "**/*.bench.test.tsx"],
      typecheck: { enabled: false },
      fileParallelism: false,
      testTimeout: 300_000,
      execArgv: ["--expose-gc"],
    },
  }),
);

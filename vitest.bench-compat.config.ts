import { defineConfig, mergeConfig } from "vitest/config";
import bench from "./vitest.bench.config.ts";
import compat from "./vitest.compat.config.ts";

// `npm run bench`'s refine 4 run: the bench files on the packages of one
// `npm run test:compat` row (COMPAT_DIR).
export default mergeConfig(
  bench,
  defineConfig({ plugins: compat.plugins ?? [] }),
);

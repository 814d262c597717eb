import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    testing: "src/testing/index.ts",
    "testing/msw": "src/testing/msw.ts",
    "testing/server": "src/testing/server.ts",
    cli: "src/testing/cli.ts",
    react: "src/react/index.ts",
    server: "src/server/index.ts",
    presence: "src/presence/index.ts",
    "react-query": "src/react-query/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // Shared chunks: one class per concept across entries (instanceof holds).
  splitting: true,
  treeshake: true,
});

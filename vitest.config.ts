import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) =>
  fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@refinedev\/pubnub$/, replacement: source("index.ts") },
      {
        find: /^@refinedev\/pubnub\/testing$/,
        replacement: source("testing/index.ts"),
      },
    ],
  },
  test: {
    dir: "test",
    include: ["**/*.test.ts", "**/*.test.tsx"],
    restoreMocks: true,
    testTimeout: 20_000,
    typecheck: { enabled: true, include: ["**/*.test-d.ts"] },
  },
});

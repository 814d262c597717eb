import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) =>
  fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// Tests import the package by name, as users do, but from the sources.
export const entries: Record<string, string> = {
  ".": "index.ts",
  "./react": "react/index.ts",
  "./server": "server/index.ts",
  "./presence": "presence/index.ts",
  "./react-query": "react-query/index.ts",
  "./testing": "testing/index.ts",
  "./testing/msw": "testing/msw.ts",
  "./testing/server": "testing/server.ts",
};

export default defineConfig({
  resolve: {
    alias: Object.entries(entries).map(([subpath, file]) => ({
      find: new RegExp(`^@refinedev/pubnub${subpath.slice(1)}$`),
      replacement: source(file),
    })),
  },
  test: {
    dir: "test",
    include: ["**/*.test.ts", "**/*.test.tsx"],
    restoreMocks: true,
    testTimeout: 20_000,
    typecheck: { enabled: true, include: ["**/*.test-d.ts"] },
  },
});

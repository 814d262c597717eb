import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repository = (path: string) =>
  fileURLToPath(new URL(`../../${path}`, import.meta.url));

// The example imports "@refinedev/pubnub" as an app would; here it resolves
// to this repository's sources, so it always shows the current provider.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: [
      { find: /^@refinedev\/pubnub$/, replacement: repository("src/index.ts") },
      {
        find: /^@refinedev\/pubnub\/react$/,
        replacement: repository("src/react/index.ts"),
      },
    ],
    dedupe: [
      "react",
      "react-dom",
      "@refinedev/core",
      "@tanstack/react-query",
      "pubnub",
    ],
  },
  server: { host: "127.0.0.1", port: 5173 },
  oxc: { jsx: { runtime: "automatic" } },
});

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const repository = (path: string) =>
  fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Serves PubNub's SharedWorker from the installed pubnub package. */
function pubnubWorker(): Plugin {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("pubnub/package.json"));
  const file = `${root}/dist/web/pubnub.worker.min.js`;
  return {
    name: "pubnub-worker",
    configureServer(server) {
      server.middlewares.use("/pubnub.worker.js", (_request, response) => {
        response.setHeader("content-type", "text/javascript");
        response.end(readFileSync(file));
      });
    },
  };
}

// The example imports "@refinedev/pubnub" as an app would; here it resolves
// to this repository's sources, so it always shows the current provider.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: [
      { find: /^@refinedev\/pubnub$/, replacement: repository("src/index.ts") },
      {
        find: /^@refinedev\/pubnub\/presence$/,
        replacement: repository("src/presence/index.ts"),
      },
      {
        find: /^@refinedev\/pubnub\/react$/,
        replacement: repository("src/react/index.ts"),
      },
      {
        find: /^@refinedev\/pubnub\/react-query$/,
        replacement: repository("src/react-query/index.ts"),
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
  plugins: [pubnubWorker()],
  server: { host: "127.0.0.1", port: 5173 },
  oxc: { jsx: { runtime: "automatic" } },
});

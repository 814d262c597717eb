import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { patchedPubNubWorker } from "./scripts/pubnubWorker.mjs";

const repository = (path: string) =>
  fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * Serves PubNub's SharedWorker from the installed pubnub package, with the
 * fix described in scripts/pubnubWorker.mjs, at /pubnub.worker.js (and
 * writes it there in `vite build`'s output).
 */
function pubnubWorker(): Plugin {
  const source = patchedPubNubWorker();
  return {
    name: "pubnub-worker",
    configureServer(server) {
      server.middlewares.use("/pubnub.worker.js", (_request, response) => {
        response.setHeader("content-type", "text/javascript");
        response.end(source);
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "pubnub.worker.js", source });
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

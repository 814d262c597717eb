// Starts the posts example: the local PubNub emulator (unless PubNub keys
// are set), the REST API and the Vite dev server. Run `npm run example` from
// the repository root.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const example = fileURLToPath(new URL("..", import.meta.url));
const repository = fileURLToPath(new URL("../../..", import.meta.url));

/** Builds the package once if its dist/ (which has the emulator) is missing. */
function ensureBuilt() {
  if (!existsSync(`${repository}/dist/testing/server.js`)) {
    execFileSync("npm", ["run", "build"], {
      cwd: repository,
      stdio: "inherit",
    });
  }
}

/**
 * Starts everything; resolves to the URLs and a `close()`.
 * Ports default to 4100 (emulator), 4000 (API) and 5173 (app); 0 picks free ones.
 */
export async function startExample(options = {}) {
  const {
    emulatorPort = 4100,
    apiPort = 4000,
    appPort = 5173,
    quiet = false,
  } = options;
  const publishKey =
    process.env.PUBNUB_PUBLISH_KEY ?? process.env.VITE_PUBNUB_PUBLISH_KEY;
  const subscribeKey =
    process.env.PUBNUB_SUBSCRIBE_KEY ?? process.env.VITE_PUBNUB_SUBSCRIBE_KEY;
  const useCloud = Boolean(publishKey && subscribeKey);
  ensureBuilt();
  const { startEmulatorServer } = await import(
    `${repository}/dist/testing/server.js`
  );
  const { startApi } = await import("../server/api.mjs");
  const { createServer } = await import("vite");

  const emulator = useCloud
    ? undefined
    : await startEmulatorServer({ port: emulatorPort });
  const api = await startApi({ port: apiPort });
  const env = {
    VITE_API_URL: api.url,
    VITE_PUBNUB_ORIGIN: emulator?.origin ?? "",
    VITE_PUBNUB_PUBLISH_KEY: useCloud ? publishKey : "demo",
    VITE_PUBNUB_SUBSCRIBE_KEY: useCloud ? subscribeKey : "demo",
  };
  const vite = await createServer({
    configFile: `${example}/vite.config.ts`,
    server: { port: appPort, strictPort: appPort !== 0 },
    define: Object.fromEntries(
      Object.entries(env).map(([key, value]) => [
        `import.meta.env.${key}`,
        JSON.stringify(value || undefined),
      ]),
    ),
    logLevel: quiet ? "silent" : "info",
  });
  await vite.listen();
  const appUrl =
    vite.resolvedUrls?.local[0]?.replace(/\/$/, "") ??
    `http://127.0.0.1:${appPort}`;
  const running = {
    appUrl,
    apiUrl: api.url,
    /** The emulator server; a test may replace it with a restarted one. */
    emulator,
    async close() {
      await vite.close();
      await api.close();
      await running.emulator?.close();
    },
  };
  return running;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const running = await startExample().catch((error) => {
    console.error(`Could not start the example: ${error.message}`);
    if (error.code === "EADDRINUSE") {
      console.error(
        "A port is taken: stop the other process, or free ports 4100, 4000 and 5173.",
      );
    }
    process.exit(1);
  });
  console.log("");
  console.log(`  Posts example:   ${running.appUrl}/posts`);
  console.log(
    `                   sign in as Alice in one window and as Bob in another, or open ${running.appUrl}/posts?user=Bob`,
  );
  console.log(`  REST API:        ${running.apiUrl}/posts`);
  console.log(
    running.emulator
      ? `  PubNub:          local emulator at ${running.emulator.url}`
      : "  PubNub:          the real service (keys from the environment)",
  );
  console.log("  Stop with Ctrl+C.");
  const stop = () => running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

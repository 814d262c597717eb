// Starts the posts example: the local PubNub emulator with Access Manager
// (unless PubNub keys are set), the backend (database, change feed, REST
// API) and the Vite dev server. Run `npm run example` from the repository
// root; `npm run example -- --reset` starts from the seed data.
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

/** The keys of the local emulator. Only the subscribe key reaches the browser. */
const LOCAL_KEYS = {
  publishKey: "pub-c-local-posts-example",
  subscribeKey: "sub-c-local-posts-example",
  secretKey: "sec-c-local-posts-example",
};

/**
 * The keyset from the environment (PUBNUB_PUBLISH_KEY, PUBNUB_SUBSCRIBE_KEY,
 * PUBNUB_SECRET_KEY), or `undefined` for the local emulator.
 */
function cloudKeys(env = process.env) {
  const keys = {
    publishKey: env.PUBNUB_PUBLISH_KEY,
    subscribeKey: env.PUBNUB_SUBSCRIBE_KEY,
    secretKey: env.PUBNUB_SECRET_KEY,
  };
  const given = Object.values(keys).filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3) {
    throw new Error(
      "Set all three of PUBNUB_PUBLISH_KEY, PUBNUB_SUBSCRIBE_KEY and PUBNUB_SECRET_KEY (a keyset with Access Manager on), or none for the local emulator.",
    );
  }
  return keys;
}

/**
 * What the browser app is built with: the API, the emulator's origin and
 * the subscribe key. Never a publish or secret key: browsers only listen.
 */
export function browserEnvironment({ apiUrl, origin, subscribeKey }) {
  return {
    VITE_API_URL: apiUrl,
    VITE_PUBNUB_ORIGIN: origin ?? "",
    VITE_PUBNUB_SUBSCRIBE_KEY: subscribeKey,
  };
}

/** Vite's `define` for {@link browserEnvironment}. */
export function defineEnvironment(env) {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      `import.meta.env.${key}`,
      JSON.stringify(value || undefined),
    ]),
  );
}

/**
 * Starts everything; resolves to the URLs and a `close()`.
 * Ports default to 4100 (emulator), 4000 (API) and 5173 (app); 0 picks free
 * ones. `database`: `openDatabase` options (`url`, `dataDir`, `reset`).
 * `tokenTtl`: minutes a browser's token lasts.
 */
export async function startExample(options = {}) {
  const {
    emulatorPort = 4100,
    apiPort = 4000,
    appPort = 5173,
    database = {},
    tokenTtl = 60,
    quiet = false,
    log,
  } = options;
  const cloud = cloudKeys();
  const keys = cloud ?? LOCAL_KEYS;
  ensureBuilt();
  const { startEmulatorServer } = await import(
    `${repository}/dist/testing/server.js`
  );
  const { startBackend } = await import("../server/backend.mjs");
  const { createServer } = await import("vite");

  const emulator = cloud
    ? undefined
    : await startEmulatorServer({ port: emulatorPort, accessManager: true });
  const closeAll = [];
  try {
    if (emulator) closeAll.unshift(() => emulator.close());
    const origin = emulator?.origin;
    const backend = await startBackend({
      pubnub: { ...keys, origin },
      database,
      port: apiPort,
      tokenTtl,
      ...(log ? { log } : {}),
    });
    closeAll.unshift(() => backend.close());
    const environment = browserEnvironment({
      apiUrl: backend.url,
      origin,
      subscribeKey: keys.subscribeKey,
    });
    const vite = await createServer({
      configFile: `${example}/vite.config.ts`,
      server: { port: appPort, strictPort: appPort !== 0 },
      define: defineEnvironment(environment),
      logLevel: quiet ? "silent" : "info",
    });
    closeAll.unshift(() => vite.close());
    await vite.listen();
    const appUrl =
      vite.resolvedUrls?.local[0]?.replace(/\/$/, "") ??
      `http://127.0.0.1:${appPort}`;
    const running = {
      appUrl,
      apiUrl: backend.url,
      database: backend.database,
      /** What the app was given (`import.meta.env`): no publish or secret key. */
      environment,
      /** The backend's keys, for tests that check none reaches the browser. */
      keys,
      /** The emulator server; a test may replace it with a restarted one. */
      emulator,
      async close() {
        await vite.close();
        await backend.close();
        await running.emulator?.close();
      },
    };
    return running;
  } catch (error) {
    for (const close of closeAll) await close().catch(() => {});
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const startedAt = performance.now();
  const reset = process.argv.includes("--reset");
  const running = await startExample({ database: { reset } }).catch((error) => {
    console.error(`Could not start the example: ${error.message}`);
    if (process.env.DATABASE_URL && error.code !== "EADDRINUSE") {
      console.error(
        "Check DATABASE_URL (postgres://user:password@host:port/database), or unset it to use the embedded database.",
      );
    }
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
  console.log(`  Database:        ${running.database.description}`);
  console.log(
    "                   change it in SQL: npm run example:sql -- \"UPDATE posts SET title = 'Hi' WHERE id = 1\"",
  );
  console.log(
    running.emulator
      ? `  PubNub:          local emulator at ${running.emulator.url}`
      : "  PubNub:          the real service (keys from the environment)",
  );
  console.log(
    `  Ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s. Stop with Ctrl+C.`,
  );
  const stop = () => running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

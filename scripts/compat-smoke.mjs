// Copied into each row of `npm run test:compat` and run there: the packed
// package (dist/, as users install it) with that row's pubnub, through an
// outage (whose missed event must arrive, with no resync) and a refused
// token, on both subscribe loops, against the packed
// emulator server on 127.0.0.1. Exits non-zero with the reason on failure.
import { liveProvider } from "@refinedev/pubnub";
import { startEmulatorServer } from "@refinedev/pubnub/testing/server";
import PubNub from "pubnub";

const TIMEOUT = 15_000;

async function until(what, check) {
  const deadline = Date.now() + TIMEOUT;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function outageAndToken(server, enableEventEngine) {
  const { emulator } = server;
  const client = new PubNub({
    publishKey: "pub-c-smoke",
    subscribeKey: "sub-c-smoke",
    userId: "smoke",
    origin: server.origin,
    ssl: false,
    enableEventEngine,
    // Give up at once, as after spent retries. pubnub 8 has no
    // NoneRetryPolicy, and its event engine names a 403 only under a policy.
    retryConfiguration:
      PubNub.NoneRetryPolicy?.() ??
      PubNub.LinearRetryPolicy({ delay: 2, maximumRetry: 1 }),
  });
  const states = [];
  const events = [];
  let tokens = 0;
  const provider = liveProvider(client, {
    releaseDelay: 0,
    reconnectDelay: () => 50,
    getToken: async () => `token-${++tokens}`,
    onConnectionStateChange: (state) => states.push(state.status),
    onError: () => {},
  });
  provider.subscribe({
    channel: "resources/posts",
    types: ["*"],
    callback: (event) => events.push(event),
  });
  const state = () => provider.connection.getState().status;
  try {
    await until("connected", () => state() === "connected");
    await until("a held long-poll", () => emulator.pendingSubscribes > 0);
    // A first message: pubnub 8's event engine tells its cursor no other way.
    emulator.publish("resources.posts", {
      type: "created",
      payload: { ids: [0] },
    });
    await until("the first event", () => events.length === 1);
    await until("a held long-poll", () => emulator.pendingSubscribes > 0);
    // Two failures in a row: pubnub 8's policy retries once by itself, and
    // the event engine's first reconnect fails its handshake (which makes
    // the SDK forget its cursor). A backend publishes meanwhile.
    emulator.failNext("subscribe", { status: 500 });
    emulator.failPendingSubscribes({ status: 500 });
    emulator.publish("resources.posts", {
      type: "deleted",
      payload: { ids: [7] },
    });
    await until("reconnecting", () => state() === "reconnecting");
    await until("the missed event", () =>
      events.some((e) => e.type === "deleted"),
    );
    await until("connected", () => state() === "connected");
    if (events.some((e) => e.meta?.resync)) {
      throw new Error(
        "a resync event after a short outage: quiet reconnect failed",
      );
    }

    await until("a held long-poll", () => emulator.pendingSubscribes > 0);
    emulator.failPendingSubscribes({ status: 403 });
    await until("getToken", () => tokens === 1);
    await until("connected again", () => state() === "connected");

    emulator.publish("resources.posts", {
      type: "updated",
      payload: { ids: [1] },
    });
    await until("the update", () => events.some((e) => e.type === "updated"));
  } finally {
    provider.dispose();
    client.destroy();
  }
  return states.join(" → ");
}

const server = await startEmulatorServer({ port: 0, longPollTimeout: 5_000 });
try {
  for (const [loop, enableEventEngine] of [
    ["event engine", true],
    ["older loop", false],
  ]) {
    const states = await outageAndToken(server, enableEventEngine);
    console.log(`  packed package, ${loop}: ${states}`);
  }
} finally {
  await server.close();
}

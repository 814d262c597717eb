// A Node app that listens to the example's live events as a browser would:
// the real SDK with a token from the API and no publish key, and the
// package's live provider. For the backend tests, without a browser.

import PubNub from "pubnub";
import { liveProvider } from "../../dist/index.js";

/** How long a test waits for anything. */
const TIMEOUT = 20_000;

/** Polls `check` until it returns something truthy, or fails after `TIMEOUT`. */
export async function eventually(check, what) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A listener signed in as `userId`: `events` of `resources/<resource>`,
 * `errors` its provider reported, `provider`, `pubnub`, `token`, `close()`.
 */
export async function listenAs(example, userId, resource = "posts") {
  const { VITE_PUBNUB_SUBSCRIBE_KEY: subscribeKey } = example.environment;
  const pubnub = new PubNub({
    subscribeKey,
    userId,
    origin: example.emulator.origin,
    ssl: false,
  });
  const tokenOf = async () => {
    const response = await fetch(
      `${example.apiUrl}/live-token?userId=${userId}`,
    );
    return (await response.json()).token;
  };
  const token = await tokenOf();
  pubnub.setToken(token);
  const events = [];
  const errors = [];
  const provider = liveProvider(pubnub, {
    getToken: tokenOf,
    onError: (error) => errors.push(error),
  });
  provider.subscribe({
    channel: `resources/${resource}`,
    types: ["*"],
    callback: (event) => events.push(event),
  });
  await eventually(
    () => provider.connection.getState().status === "connected",
    `${userId} to connect`,
  );
  return {
    pubnub,
    provider,
    token,
    events,
    errors,
    close() {
      provider.dispose();
      pubnub.destroy();
    },
  };
}

import { liveProvider } from "@refinedev/pubnub";
import PubNub from "pubnub";

const env = import.meta.env;

// One user per browser tab, so two windows are two users.
function tabUserId(): string {
  const key = "posts-example-user";
  const existing = sessionStorage.getItem(key);
  if (existing) return existing;
  const id = `user-${Math.random().toString(36).slice(2, 8)}`;
  sessionStorage.setItem(key, id);
  return id;
}

const search = new URLSearchParams(location.search);

// `?user=alice` opens the app as that user (several tabs of one user);
// without it each tab is a user of its own.
export const userId = search.get("user") ?? tabUserId();

// `?worker=1`: all tabs of this browser share one subscription through
// PubNub's SharedWorker, served by vite.config.ts from the installed
// pubnub package (the worker must match the SDK's version).
const sharedWorker = search.get("worker") === "1";

/** True when the app talks to the local emulator, not PubNub's cloud. */
export const usesEmulator = Boolean(env.VITE_PUBNUB_ORIGIN);

// One client per app, created outside React.
export const pubnub = new PubNub({
  publishKey: env.VITE_PUBNUB_PUBLISH_KEY ?? "demo",
  subscribeKey: env.VITE_PUBNUB_SUBSCRIBE_KEY ?? "demo",
  userId,
  ...(usesEmulator ? { origin: env.VITE_PUBNUB_ORIGIN, ssl: false } : {}),
  ...(sharedWorker ? { subscriptionWorkerUrl: "/pubnub.worker.js" } : {}),
  // A tab that vanishes without leaving (a crash) drops out of presence
  // after 20 s; the SDK heartbeats every 9 s.
  presenceTimeout: 20,
  // Notice an outage after two quick retries instead of the SDK's default
  // six slow ones, so the badge says "Reconnecting…" within seconds.
  retryConfiguration: PubNub.LinearRetryPolicy({ delay: 2, maximumRetry: 2 }),
});

export const provider = liveProvider(pubnub, {
  onError: (error) => console.warn(`[live] ${error.message}`),
});

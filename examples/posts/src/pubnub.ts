import { liveProvider } from "@refinedev/pubnub";
import PubNub from "pubnub";
import { readIdentity } from "./auth/identity";

const env = import.meta.env;

/** True when the app talks to the local emulator, not PubNub's cloud. */
export const usesEmulator = Boolean(env.VITE_PUBNUB_ORIGIN);

/**
 * All tabs of this browser share one subscription through PubNub's
 * SharedWorker, served by vite.config.ts from the installed pubnub package
 * (the worker must match the SDK's version). `?worker=0` turns it off.
 * The worker sends a leave for a tab that closes or reloads
 * (`subscriptionWorkerUnsubscribeOfflineClients`), so the others see the
 * user go at once instead of after the presence timeout.
 */
export const usesSharedWorker =
  new URLSearchParams(location.search).get("worker") !== "0" &&
  env.VITE_PUBNUB_SHARED_WORKER !== "false" &&
  typeof SharedWorker !== "undefined";

// Until someone signs in, the client is a guest; login sets `userId`
// before any page subscribes.
const guest = `guest-${Math.random().toString(36).slice(2, 8)}`;

// One client per app, created outside React.
export const pubnub = new PubNub({
  publishKey: env.VITE_PUBNUB_PUBLISH_KEY ?? "demo",
  subscribeKey: env.VITE_PUBNUB_SUBSCRIBE_KEY ?? "demo",
  userId: readIdentity()?.id ?? guest,
  ...(usesEmulator ? { origin: env.VITE_PUBNUB_ORIGIN, ssl: false } : {}),
  ...(usesSharedWorker
    ? {
        subscriptionWorkerUrl: "/pubnub.worker.js",
        subscriptionWorkerUnsubscribeOfflineClients: true,
      }
    : {}),
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

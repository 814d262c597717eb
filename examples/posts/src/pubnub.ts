import { liveProvider } from "@refinedev/pubnub";
import PubNub from "pubnub";
import { readIdentity } from "./auth/identity";
import { fetchLiveToken } from "./liveToken";

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

// One client per app, created outside React. It has no publish key: the
// backend publishes every change, from the database (server/changeFeed.mjs).
// It reads with an Access Manager token for the signed-in user.
export const pubnub = new PubNub({
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

/** The user the client is for, and its token on the way. */
let signedIn: { userId: string; ready: Promise<void> } | undefined;

/**
 * Makes the client `userId`'s and gives it that user's token, before any
 * page subscribes. Called at sign-in and by every auth check; one request
 * per user.
 */
export function signInLive(userId: string): Promise<void> {
  if (signedIn?.userId !== userId) {
    const ready = fetchLiveToken(userId).then((token) => {
      pubnub.userId = userId;
      pubnub.setToken(token);
    });
    signedIn = { userId, ready };
    ready.catch(() => {
      if (signedIn?.ready === ready) signedIn = undefined;
    });
  }
  return signedIn.ready;
}

/**
 * Signs the client out: the next sign-in fetches a new token. The old one
 * stays until then, so the pages that are still closing do not send
 * requests without one.
 */
export function signOutLive(): void {
  signedIn = undefined;
}

// A client without a publish key leaves refine's mutation events to the
// backend: `publish` does nothing. When PubNub refuses an expired token,
// the provider asks `getToken` for a new one and carries on.
export const provider = liveProvider(pubnub, {
  getToken: () => fetchLiveToken(pubnub.userId),
  onError: (error) => {
    // A token that ran out: renewed through getToken, nothing to tell.
    if (
      error.category === "access-denied" &&
      error.reason === "token-refused"
    ) {
      return;
    }
    console.warn(`[live] ${error.message}`);
  },
});

import type { PubNubStatusEvent } from "../pubnubClient";

/**
 * What a PubNub status event means for the live connection:
 * - `connected`: the subscribe loop is receiving.
 * - `disconnected`: nothing is subscribed any more.
 * - `offline`: the browser went offline; the SDK reconnects by itself.
 * - `retrying`: the loop failed and the SDK retries by itself (the older
 *   loop polls `/time` every 3 s, then says `reconnected`).
 * - `reconnected`: the older loop restarted; it says nothing more when the
 *   restarted loop works, so the monitor confirms it after a quiet spell.
 * - `stopped`: the loop stopped for good; it needs `reconnect()`.
 * - `access-denied`: as `stopped`, because PubNub refused the token.
 * - `ignored`: nothing to do (subscription changes, heartbeats, …).
 *
 * `olderLoop` tells that the status came from the older subscribe loop,
 * whose `reconnect()` says nothing when it works.
 */
export type StatusMeaning =
  | "connected"
  | "disconnected"
  | "offline"
  | "retrying"
  | "reconnected"
  | "stopped"
  | "access-denied"
  | "ignored";

/**
 * Reads a status event of any supported SDK (pubnub 8 to 12), from the event
 * engine (the default from pubnub 11 on) or the older subscribe loop
 * (`enableEventEngine: false`, the default up to pubnub 10).
 */
export function statusMeaning(status: PubNubStatusEvent): {
  meaning: StatusMeaning;
  olderLoop: boolean;
} {
  const common = commonMeaning(status);
  return common === undefined
    ? { meaning: olderLoopMeaning(status), olderLoop: true }
    : { meaning: common, olderLoop: false };
}

// Categories both loops send, and the event engine's failures.
function commonMeaning(status: PubNubStatusEvent): StatusMeaning | undefined {
  const { category, error } = status;
  switch (category) {
    case "PNConnectedCategory":
      return "connected";
    case "PNDisconnectedCategory":
      return "disconnected";
    case "PNNetworkDownCategory":
      return "offline";
    // `error` is the cause's category (pubnub 9+), or a
    // message (pubnub 8: "forbidden operation." for a 403 under a retry
    // policy; without one, every cause reads the same).
    case "PNDisconnectedUnexpectedlyCategory":
    case "PNConnectionErrorCategory":
      return error === "PNAccessDeniedCategory" ||
        error === "forbidden operation." ||
        status.statusCode === 403
        ? "access-denied"
        : "stopped";
  }
  return undefined;
}

// The older loop reports its own failures with the cause's category and the
// subscribe operation; heartbeat failures carry another operation.
function olderLoopMeaning(status: PubNubStatusEvent): StatusMeaning {
  const { category, error, operation } = status;
  if (operation !== "PNSubscribeOperation") return "ignored";
  switch (category) {
    case "PNNetworkIssuesCategory":
      return "retrying";
    case "PNReconnectedCategory":
      return "reconnected";
    case "PNAccessDeniedCategory":
      return "access-denied";
    // The loop restarts by itself after these.
    case "PNCancelledCategory":
    case "PNTimeoutCategory":
      return "ignored";
    default:
      // PNServerErrorCategory, PNBadRequestCategory, PNUnknownCategory (a
      // network error on pubnub 12's undici transport), …: the loop stopped.
      return error ? "stopped" : "ignored";
  }
}

import { AccessDeniedError } from "../errors/AccessDeniedError";
import { ConnectionError } from "../errors/ConnectionError";
import type { LiveError } from "../errors/LiveError";
import type { PubNubStatusEvent } from "../pubnubClient";
import type { ConnectionStatus } from "./connectionState";
import { statusMeaning } from "./statusMeaning";

/** Refused tokens in a row after which the provider stops asking. */
export const MAX_TOKEN_ATTEMPTS = 3;

/** What the connection monitor knows between two status events. */
export interface MonitorState {
  readonly status: ConnectionStatus;
  /** Why the connection is not live, for `reconnecting` and `error`. */
  readonly error?: ConnectionError | AccessDeniedError | undefined;
  /** The connection was lost since it was last live: resync when back. */
  readonly lost: boolean;
  /** Reconnects tried in this outage; picks the next delay. */
  readonly attempt: number;
  /** Tokens fetched in a row that PubNub refused. */
  readonly tokenAttempts: number;
  /** The older subscribe loop stopped: its `reconnect()` is silent. */
  readonly quietLoop: boolean;
}

export const initialMonitorState: MonitorState = {
  status: "idle",
  lost: false,
  attempt: 0,
  tokenAttempts: 0,
  quietLoop: false,
};

/** What happened to the connection. */
export type MonitorInput =
  /** The SDK sent a status; `canRefreshToken` when a `getToken` is set. */
  | { type: "status"; status: PubNubStatusEvent; canRefreshToken: boolean }
  /** A subscriber was added: the SDK is about to connect if it was not. */
  | { type: "subscribing" }
  /** A restarted older loop went a while without failing. */
  | { type: "quiet" }
  /** The SDK handed over a message: the subscribe loop works. */
  | { type: "message" }
  /** `getToken` failed after a 403 told by `status`. */
  | {
      type: "token-failed";
      status: PubNubStatusEvent;
      canRefreshToken: boolean;
    };

/** What the monitor must do after a transition, in this order. */
export type MonitorEffect =
  | { type: "report"; error: LiveError }
  /** Give every subscriber a resync event. */
  | { type: "resync" }
  /** Cancel the pending reconnect, token fetch and quiet-spell check. */
  | { type: "cancel-all" }
  | { type: "cancel-quiet-check" }
  /** Restart the subscribe loop after `reconnectDelay(attempt)`. */
  | { type: "reconnect"; attempt: number }
  /** Fetch a token (at once for attempt 0), set it and restart the loop. */
  | { type: "fetch-token"; attempt: number; status: PubNubStatusEvent }
  /** Send `quiet` if the restarted older loop does not fail for a while. */
  | { type: "quiet-check" };

export interface MonitorTransition {
  state: MonitorState;
  effects: MonitorEffect[];
}

const to = (
  state: MonitorState,
  ...effects: MonitorEffect[]
): MonitorTransition => ({ state, effects });

const CANCEL_ALL: MonitorEffect = { type: "cancel-all" };

/** The monitor's next state, and what to do, after `input`. Pure. */
export function nextMonitorState(
  state: MonitorState,
  input: MonitorInput,
): MonitorTransition {
  switch (input.type) {
    case "subscribing":
      return state.status === "idle" || state.status === "disconnected"
        ? to({ ...state, status: "connecting", error: undefined })
        : to(state);
    case "quiet":
      return connected(state);
    case "message":
      // Also when the connected status never came: pubnub skips the next
      // listener when one removes itself while a status is announced.
      return state.status === "connecting" || state.status === "reconnecting"
        ? connected(state)
        : to(state);
    case "token-failed":
      return tokenRefused(state, input.status, input.canRefreshToken);
    case "status":
      return onStatus(state, input.status, input.canRefreshToken);
  }
}

function onStatus(
  state: MonitorState,
  status: PubNubStatusEvent,
  canRefreshToken: boolean,
): MonitorTransition {
  const { meaning, olderLoop } = statusMeaning(status);
  switch (meaning) {
    case "connected":
      return connected(state);
    case "disconnected":
      return to(
        { ...state, status: "disconnected", error: undefined },
        CANCEL_ALL,
      );
    case "offline":
      // The browser went offline; the SDK reconnects when it is back.
      return reconnecting(
        state,
        new ConnectionError({ reason: "offline", status }),
      );
    case "retrying":
      // The SDK retries by itself (the older loop polls /time).
      return connectionLost(state, status);
    case "reconnected":
      return to({ ...state, quietLoop: true }, { type: "quiet-check" });
    case "stopped": {
      const { attempt } = state;
      const lost = connectionLost({ ...state, quietLoop: olderLoop }, status);
      return to({ ...lost.state, attempt: attempt + 1 }, ...lost.effects, {
        type: "reconnect",
        attempt,
      });
    }
    case "access-denied": {
      const denied = { ...state, quietLoop: olderLoop, lost: true };
      return tokenRefused(denied, status, canRefreshToken);
    }
    case "ignored":
      return to(state);
  }
}

function connected({ lost, quietLoop }: MonitorState): MonitorTransition {
  const state = {
    ...initialMonitorState,
    status: "connected",
    quietLoop,
  } as const;
  return lost
    ? to(state, CANCEL_ALL, { type: "resync" })
    : to(state, CANCEL_ALL);
}

function reconnecting(
  state: MonitorState,
  error: ConnectionError | AccessDeniedError,
): MonitorTransition {
  return to(
    { ...state, status: "reconnecting", error, lost: true },
    { type: "cancel-quiet-check" },
  );
}

/** Reconnecting; reported once per outage. */
function connectionLost(
  state: MonitorState,
  status: PubNubStatusEvent,
): MonitorTransition {
  const error = new ConnectionError({ reason: "lost", status });
  const next = reconnecting(state, error);
  if (state.status !== "reconnecting") {
    next.effects.push({ type: "report", error });
  }
  return next;
}

/** A 403: fetch a new token, or stop when there is no way to get one. */
function tokenRefused(
  state: MonitorState,
  status: PubNubStatusEvent,
  canRefreshToken: boolean,
): MonitorTransition {
  const { tokenAttempts } = state;
  if (!canRefreshToken || tokenAttempts >= MAX_TOKEN_ATTEMPTS) {
    const reason = canRefreshToken ? "tokens-refused" : "no-get-token";
    const attempts = tokenAttempts;
    const error = new AccessDeniedError({ reason, status, attempts });
    const stopped = { ...state, status: "error", error } as const;
    return to(stopped, CANCEL_ALL, { type: "report", error });
  }
  const refused = new AccessDeniedError({ reason: "token-refused", status });
  const next = reconnecting(state, refused);
  return to(
    { ...next.state, tokenAttempts: tokenAttempts + 1 },
    ...next.effects,
    {
      type: "fetch-token",
      attempt: tokenAttempts,
      status,
    },
  );
}

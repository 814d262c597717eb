import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/** The user callbacks the provider calls, and what it does when one throws. */
const AFTERWARDS = {
  subscriber: "the other subscribers still got the event",
  onError: "logged here instead",
  onConnectionStateChange: "nothing else changed",
  "connection.subscribe listener": "nothing else changed",
  getToken: "retrying",
  reconnectDelay: "using the default delay",
} as const;

/** Which user callback failed. */
export type CallbackName = keyof typeof AFTERWARDS;

export interface CallbackErrorContext {
  callback: CallbackName;
  /** The refine channel, for a subscriber's callback. */
  channel?: string | undefined;
  /** What it threw, or why its result was unusable. */
  cause: unknown;
}

/**
 * A callback the app passed threw or returned something unusable. The
 * provider carried on as the message says; nothing else changed.
 */
export class CallbackError extends PubNubLiveError {
  override name = "CallbackError";
  readonly callback: CallbackName;

  constructor({ callback, channel, cause }: CallbackErrorContext) {
    const subject =
      callback === "subscriber"
        ? `A live event callback on "${channel}"`
        : `The ${callback} callback`;
    super(
      "callback",
      `${subject} ${callback === "subscriber" ? "threw" : "failed"} (${describeCause(cause)}); ${AFTERWARDS[callback]}.`,
      { channel, cause },
    );
    this.callback = callback;
  }
}

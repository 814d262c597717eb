import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/** Which user callback failed. */
export type CallbackErrorReason =
  | "subscriber"
  | "onError"
  | "onConnectionStateChange"
  | "connection.subscribe listener"
  | "getToken"
  | "reconnectDelay";

interface CallbackErrorContext {
  /** The callback that failed. */
  reason: CallbackErrorReason;
  /** The refine channel, for a subscriber's callback. */
  channel?: string | undefined;
  /** What it threw, or why its result was unusable. */
  cause: unknown;
}

/** What the provider does when each callback fails. */
const AFTERWARDS: Record<CallbackErrorReason, string> = {
  subscriber: "the other subscribers still got the event",
  onError: "logged here instead",
  onConnectionStateChange: "nothing else changed",
  "connection.subscribe listener": "nothing else changed",
  getToken: "retrying",
  reconnectDelay: "using the default delay",
};

function describe({ reason, channel, cause }: CallbackErrorContext): string {
  const [subject, failed] =
    reason === "subscriber"
      ? [`A live event callback on "${channel}"`, "threw"]
      : [`The ${reason} callback`, "failed"];
  return `${subject} ${failed} (${describeCause(cause)}); ${AFTERWARDS[reason]}.`;
}

/**
 * A callback the app passed threw or returned something unusable; `reason`
 * names it. The provider carried on as the message says; nothing else
 * changed.
 */
export class CallbackError extends PubNubLiveError<
  "callback",
  CallbackErrorReason
> {
  override name = "CallbackError";

  constructor(context: CallbackErrorContext) {
    super(
      "callback",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      context,
    );
  }
}

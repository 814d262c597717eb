import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/**
 * `no-callback`: refine's options have no callback. `sdk-refused`: the SDK
 * threw on subscribe. `unsubscribe-failed`: it threw while the provider
 * released a channel (the channel was forgotten anyway).
 */
export type SubscribeErrorReason =
  | "no-callback"
  | "sdk-refused"
  | "unsubscribe-failed";

interface SubscribeErrorContext {
  reason: SubscribeErrorReason;
  /** The refine channel. */
  channel: string | undefined;
  /** The PubNub channel, for `unsubscribe-failed`. */
  pubnubChannel?: string;
  /** What the SDK threw. */
  cause?: unknown;
}

function describe({
  reason,
  channel,
  pubnubChannel,
  cause,
}: SubscribeErrorContext): string {
  const where = channel === undefined ? "a live channel" : `"${channel}"`;
  return reason === "unsubscribe-failed"
    ? `Cannot unsubscribe from ${where}: the PubNub SDK threw leaving ${pubnubChannel} (${describeCause(cause)}); the channel was forgotten.`
    : `Cannot subscribe to ${where}: ${reason === "no-callback" ? "the callback is not a function" : `the PubNub SDK refused (${describeCause(cause)})`}.`;
}

/**
 * A subscription that could not be set up (refine's hook stays quiet), or
 * an SDK that threw while the provider released a channel.
 */
export class SubscribeError extends PubNubLiveError<
  "subscribe",
  SubscribeErrorReason
> {
  override name = "SubscribeError";

  constructor(context: SubscribeErrorContext) {
    super(
      "subscribe",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      context,
    );
  }
}

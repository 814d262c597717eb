import { describeCause, PubNubLiveError } from "./PubNubLiveError";

export interface SubscribeErrorContext {
  /** The refine channel. */
  channel: string | undefined;
  problem: "no-callback" | "sdk-refused" | "unsubscribe-failed";
  /** The PubNub channel, for `unsubscribe-failed`. */
  pubnubChannel?: string;
  /** What the SDK threw. */
  cause?: unknown;
}

/**
 * A subscription that could not be set up (refine's hook stays quiet), or
 * an SDK that threw while the provider released a channel.
 */
export class SubscribeError extends PubNubLiveError {
  override name = "SubscribeError";
  readonly problem: SubscribeErrorContext["problem"];

  constructor({
    channel,
    problem,
    pubnubChannel,
    cause,
  }: SubscribeErrorContext) {
    const where = channel === undefined ? "a live channel" : `"${channel}"`;
    super(
      "subscribe",
      problem === "unsubscribe-failed"
        ? `Cannot unsubscribe from ${where}: the PubNub SDK threw leaving ${pubnubChannel} (${describeCause(cause)}); the channel was forgotten.`
        : `Cannot subscribe to ${where}: ${problem === "no-callback" ? "the callback is not a function" : `the PubNub SDK refused (${describeCause(cause)})`}.`,
      { channel, cause },
    );
    this.problem = problem;
  }
}

import { PubNubLiveError } from "./PubNubLiveError";

/** A subscription that could not be set up; refine's hook stays quiet. */
export class SubscribeError extends PubNubLiveError {
  override name = "SubscribeError";

  constructor(channel: string | undefined, reason: string, cause?: unknown) {
    super(
      "subscribe",
      `Cannot subscribe to ${channel === undefined ? "a live channel" : `"${channel}"`}: ${reason}.`,
      { channel, cause },
    );
  }
}

import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/** A refine channel (or namespace) that cannot become a PubNub channel. */
export class ChannelNameError extends PubNubLiveError {
  override name = "ChannelNameError";

  constructor(channel: unknown, reason: string) {
    const isString = typeof channel === "string";
    super(
      "channel-name",
      `Cannot map the channel ${isString ? JSON.stringify(channel) : describeCause(channel)} between refine and PubNub: ${reason}.`,
      { channel: isString ? channel : undefined },
    );
  }
}

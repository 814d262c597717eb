import { PubNubLiveError } from "./PubNubLiveError";

/** A refine channel (or namespace) that cannot become a PubNub channel. */
export class ChannelNameError extends PubNubLiveError {
  override name = "ChannelNameError";

  constructor(channel: unknown, reason: string) {
    super(
      "channel-name",
      `Cannot map the channel ${JSON.stringify(channel)} between refine and PubNub: ${reason}.`,
      { channel: typeof channel === "string" ? channel : undefined },
    );
  }
}

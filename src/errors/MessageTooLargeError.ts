import { PubNubLiveError } from "./PubNubLiveError";

/**
 * An event that does not fit PubNub's message size limit even after its
 * `meta` and extra payload fields were dropped. It was not published.
 */
export class MessageTooLargeError extends PubNubLiveError {
  override name = "MessageTooLargeError";
  readonly size: number;
  readonly limit: number;

  constructor(channel: string, size: number, limit: number) {
    super(
      "message-too-large",
      `The live event for "${channel}" is ${size} bytes URL-encoded even reduced to its type, over the ${limit} byte limit; use a shorter event type.`,
      { channel },
    );
    this.size = size;
    this.limit = limit;
  }
}

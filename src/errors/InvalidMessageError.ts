import { PubNubLiveError } from "./PubNubLiveError";

/**
 * A message arrived on a live channel that is not a refine live event. It was
 * dropped; `receivedMessage` holds what arrived.
 */
export class InvalidMessageError extends PubNubLiveError {
  override name = "InvalidMessageError";
  readonly receivedMessage: unknown;

  constructor(channel: string, reason: string, receivedMessage: unknown) {
    super(
      "invalid-message",
      `Dropped a message on "${channel}" that is not a refine live event (${reason}). Publish e.g. {"type":"updated","payload":{"ids":[1]}}; see "Wire format" in the README.`,
      { channel },
    );
    this.receivedMessage = receivedMessage;
  }
}

import { PubNubLiveError } from "./PubNubLiveError";

/** A subscriber's callback threw while handling a live event. */
export class SubscriberCallbackError extends PubNubLiveError {
  override name = "SubscriberCallbackError";

  constructor(channel: string, cause: unknown) {
    super(
      "callback",
      `A live event callback on "${channel}" threw: ${cause instanceof Error ? cause.message : String(cause)}. The other subscribers still received the event.`,
      { channel, cause },
    );
  }
}

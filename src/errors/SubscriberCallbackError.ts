import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/** A subscriber's callback threw while handling a live event. */
export class SubscriberCallbackError extends PubNubLiveError {
  override name = "SubscriberCallbackError";

  constructor(channel: string, cause: unknown) {
    super(
      "callback",
      `A live event callback on "${channel}" threw (${describeCause(cause)}); the other subscribers still got the event.`,
      { channel, cause },
    );
  }
}

import { CallbackError } from "./CallbackError";

/** A subscriber's callback threw while handling a live event. */
export class SubscriberCallbackError extends CallbackError {
  override name = "SubscriberCallbackError";

  constructor(channel: string, cause: unknown) {
    super({ callback: "subscriber", channel, cause });
  }
}

import { PubNubLiveError } from "./PubNubLiveError";

/** An Access Manager token could not be granted; `cause` has PubNub's answer. */
export class GrantError extends PubNubLiveError {
  override name = "GrantError";

  constructor(reason: string, cause?: unknown) {
    super("grant", `Cannot grant a live token: ${reason}`, { cause });
  }
}

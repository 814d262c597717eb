import { PubNubLiveError } from "./PubNubLiveError";

/**
 * The connection to PubNub failed (`connection`) or PubNub refused the
 * client's Access Manager token (`access-denied`).
 */
export class ConnectionError extends PubNubLiveError {
  override name = "ConnectionError";

  constructor(
    category: "connection" | "access-denied",
    message: string,
    cause?: unknown,
  ) {
    super(category, message, { cause });
  }
}

/**
 * What went wrong, as a stable machine-readable tag. Each has its class
 * (README, "Errors").
 *
 * - `channel-name`: a refine channel cannot be mapped to a PubNub channel.
 * - `subscribe`: refine passed options the provider cannot subscribe with,
 *   or the PubNub SDK threw on subscribe or unsubscribe.
 * - `publish`: an event was not published (no type, no channel, or PubNub
 *   did not accept it: network, access, keys).
 * - `message-too-large`: an event does not fit PubNub's 32 KiB limit even
 *   after dropping everything optional.
 * - `invalid-message`: a message on a live channel is not a refine event; it
 *   was dropped.
 * - `callback`: a callback the app passed threw (a subscriber's callback,
 *   `onError`, `onConnectionStateChange`, a connection listener, `getToken`,
 *   `reconnectDelay`); nothing else changed.
 * - `connection`: the connection to PubNub was lost; the provider reconnects.
 * - `access-denied`: PubNub refused the client's token (403).
 * - `disposed`: the provider was used after `dispose()`.
 * - `presence`: a presence state that is not JSON or too large, or a
 *   presence request PubNub refused.
 * - `grant`: an Access Manager token could not be granted (server helpers).
 */
export type PubNubLiveErrorCategory =
  | "channel-name"
  | "subscribe"
  | "publish"
  | "message-too-large"
  | "invalid-message"
  | "callback"
  | "connection"
  | "access-denied"
  | "disposed"
  | "presence"
  | "grant";

export interface PubNubLiveErrorDetails {
  /** The refine channel involved, e.g. `resources/posts`. */
  channel?: string | undefined;
  /** The error, PubNub status or value that caused this one. */
  cause?: unknown;
}

/** Base class of every error the provider reports through `onError`. */
export class PubNubLiveError extends Error {
  override name = "PubNubLiveError";
  readonly category: PubNubLiveErrorCategory;
  readonly channel: string | undefined;

  constructor(
    category: PubNubLiveErrorCategory,
    message: string,
    details: PubNubLiveErrorDetails = {},
  ) {
    super(message, { cause: details.cause });
    this.category = category;
    this.channel = details.channel;
  }

  get isPubNubLiveError(): true {
    return true;
  }
}

/**
 * True for errors of this package, also when they come from another copy of
 * it (another realm or a duplicated install), where `instanceof` fails.
 */
export function isPubNubLiveError(error: unknown): error is PubNubLiveError {
  return (
    error instanceof PubNubLiveError ||
    (typeof error === "object" &&
      error !== null &&
      (error as { isPubNubLiveError?: unknown }).isPubNubLiveError === true)
  );
}

/**
 * `String(value)`, also for values that have none (`Object.create(null)`),
 * where String() itself would throw inside an error path.
 */
export function describeCause(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

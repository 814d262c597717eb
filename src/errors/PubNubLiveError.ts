import type { GrantError } from "./GrantError";
import type { LiveError } from "./LiveError";

/**
 * What went wrong, as a stable machine-readable tag. Each has its class, and
 * each class a `reason` that says more (README, "Errors").
 *
 * - `channel-name`: a refine channel cannot be mapped to a PubNub channel.
 * - `subscribe`: refine passed options the provider cannot subscribe with,
 *   or the PubNub SDK threw on subscribe or unsubscribe.
 * - `publish`: an event was not published (no type, no channel, too large
 *   for PubNub, or PubNub did not accept it: network, access, keys).
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
  | "invalid-message"
  | "callback"
  | "connection"
  | "access-denied"
  | "disposed"
  | "presence"
  | "grant";

/**
 * Base class of every error of this package. Narrow a reported error with
 * its `category` (see `LiveError`), then with its `reason`.
 */
export abstract class PubNubLiveError<
  Category extends PubNubLiveErrorCategory = PubNubLiveErrorCategory,
  Reason extends string = string,
> extends Error {
  /** Which kind of failure; each category has one class. */
  readonly category: Category;
  /** What exactly failed, within the category. */
  readonly reason: Reason;
  /** The refine channel involved, e.g. `resources/posts`. */
  readonly channel: string | undefined;

  /**
   * `message` is the development message. Production builds, where bundlers
   * set `process.env.NODE_ENV` to "production", pass "" and drop the long
   * texts; the message then names the category, reason and README section.
   */
  constructor(
    category: Category,
    reason: Reason,
    message: string,
    { channel, cause }: { channel?: string | undefined; cause?: unknown },
  ) {
    super(
      process.env.NODE_ENV !== "production"
        ? message
        : `${category}: ${reason}${channel === undefined ? "" : ` on "${channel}"`} (README#errors)`,
      { cause },
    );
    this.category = category;
    this.reason = reason;
    this.channel = channel;
  }

  get isPubNubLiveError(): true {
    return true;
  }
}

/**
 * True for errors of this package, also when they come from another copy of
 * it (another realm or a duplicated install), where `instanceof` fails.
 */
export function isPubNubLiveError(
  error: unknown,
): error is LiveError | GrantError {
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

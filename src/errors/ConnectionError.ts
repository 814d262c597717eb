import { PubNubLiveError } from "./PubNubLiveError";

interface StatusLike {
  category?: unknown;
  error?: unknown;
}

/** Why the connection is not live, and what the provider does about it. */
const MESSAGES = {
  lost: (status: StatusLike) =>
    `Lost the connection to PubNub (${status.category}${typeof status.error === "string" ? `: ${status.error}` : ""}); reconnecting, then every subscriber gets a resync event.`,
  offline: () =>
    "The browser is offline; reconnecting to PubNub when it is back.",
  "token-refused": () =>
    "PubNub refused the Access Manager token (403); fetching a new one with getToken.",
  "no-get-token": () =>
    "PubNub refused the client's Access Manager token (403); live updates stopped. Pass `getToken` to liveProvider() to fetch new tokens, or grant read on the app's channels.",
  "tokens-refused": (_: StatusLike, attempts: number) =>
    `PubNub refused ${attempts} tokens in a row from getToken (403); live updates stopped. Grant read on the app's channels (docs/security.md).`,
} as const;

export type ConnectionErrorReason = keyof typeof MESSAGES;

export interface ConnectionErrorContext {
  reason: ConnectionErrorReason;
  /** The PubNub status event that told; also the error's `cause`. */
  status: unknown;
  /** Tokens fetched in a row, for `tokens-refused`. */
  attempts?: number;
}

/**
 * The connection to PubNub was lost (`connection`); the provider reconnects.
 * Its subclass {@link AccessDeniedError} is for refused tokens.
 */
export class ConnectionError extends PubNubLiveError {
  override name = "ConnectionError";
  readonly reason: ConnectionErrorReason;

  constructor({ reason, status, attempts = 0 }: ConnectionErrorContext) {
    super(
      reason === "lost" || reason === "offline"
        ? "connection"
        : "access-denied",
      MESSAGES[reason](Object(status), attempts),
      { cause: status },
    );
    this.reason = reason;
  }
}

import { PubNubLiveError } from "./PubNubLiveError";

/**
 * `lost`: the SDK reported the connection down; the provider reconnects,
 * then every subscriber gets a resync event. `offline`: the browser went
 * offline; the provider reconnects when it is back.
 */
export type ConnectionErrorReason = "lost" | "offline";

interface ConnectionErrorContext {
  reason: ConnectionErrorReason;
  /** The PubNub status event that told; also the error's `cause`. */
  status: unknown;
}

function describe({ reason, status }: ConnectionErrorContext): string {
  const { category, error } = Object(status);
  return reason === "offline"
    ? "The browser is offline; reconnecting to PubNub when it is back."
    : `Lost the connection to PubNub (${category}${typeof error === "string" ? `: ${error}` : ""}); reconnecting. The events missed meanwhile follow, or a resync event when PubNub may have dropped some.`;
}

/**
 * The connection to PubNub was lost; the provider reconnects. A refused
 * token is an {@link AccessDeniedError} instead.
 */
export class ConnectionError extends PubNubLiveError<
  "connection",
  ConnectionErrorReason
> {
  override name = "ConnectionError";

  constructor(context: ConnectionErrorContext) {
    super(
      "connection",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      { cause: context.status },
    );
  }
}

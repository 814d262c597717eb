import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/**
 * `refused`: PubNub or the SDK did not accept the publish (`cause`,
 * `pubnubCategory` and `statusCode` say why). `no-type`: the event has no
 * type. `no-channel`: a server event named neither a resource nor a
 * channel. `bad-changed` and `bad-data`: a server event's `changed` is not a
 * list of field names, or its `data` not a record. `bad-sender`: a server
 * event's `sender` is not a non-empty string. `too-large`: not even the
 * event's type fits PubNub's limit.
 */
export type PublishErrorReason =
  | "refused"
  | "no-type"
  | "no-channel"
  | "bad-changed"
  | "bad-data"
  | "bad-sender"
  | "too-large";

interface PublishErrorContext {
  reason: PublishErrorReason;
  /** The refine channel, when the event named one. */
  channel?: string | undefined;
  /** The SDK's error, for `refused`. */
  cause?: unknown;
  /** URL-encoded bytes and the limit, for `too-large`. */
  size?: number;
  limit?: number;
}

// The SDK rejects with an error whose `status` holds the details.
function statusOf(cause: unknown): {
  category?: unknown;
  statusCode?: unknown;
  message?: unknown;
} {
  return Object((cause as { status?: unknown } | undefined)?.status ?? cause);
}

/**
 * Whether the SDK refused a publish because its client has no publish key:
 * a subscribe-only browser, whose backend publishes instead.
 */
export function lacksPublishKey(cause: unknown): boolean {
  const { message } = statusOf(cause);
  const detail =
    typeof message === "string" ? message : String(Object(cause).message);
  return detail.includes("publishKey");
}

function refusal(cause: unknown): string {
  const { category, statusCode, message } = statusOf(cause);
  const detail =
    typeof message === "string"
      ? message
      : cause instanceof Error
        ? cause.message
        : describeCause(cause);
  return lacksPublishKey(cause)
    ? "this client has no publishKey, so it can only subscribe. Publish from your backend (docs/security.md) or add a publishKey."
    : statusCode === 403 || category === "PNAccessDeniedCategory"
      ? "access denied (403): the client's token does not grant write on this channel. Publish from your backend or grant write."
      : category === "PNNetworkIssuesCategory"
        ? `PubNub could not be reached (${detail}); other clients were not told.`
        : [category, statusCode && `HTTP ${statusCode}`, detail]
            .filter(Boolean)
            .join(": ");
}

function describe({
  reason,
  channel,
  cause,
  size,
  limit,
}: PublishErrorContext): string {
  return {
    "no-channel":
      "Cannot publish a live event that names neither a resource nor a channel.",
    "no-type": `Cannot publish the live event for "${channel}": it has no type (a non-empty string).`,
    "bad-changed": `Cannot publish the live event for "${channel}": \`changed\` must list the names of the fields that changed, e.g. ["title", "author.name"].`,
    "bad-data": `Cannot publish the live event for "${channel}": \`data\` must be the record, a plain JSON object.`,
    "bad-sender": `Cannot publish the live event for "${channel}": \`sender\` must be a browser's \`provider.senderId\`, a non-empty string.`,
    "too-large": `The live event for "${channel}" is ${size} bytes URL-encoded even reduced to its type, over the ${limit} byte limit; use a shorter event type.`,
    refused: `Publishing the live event for "${channel}" failed: ${reason === "refused" ? refusal(cause) : ""}`,
  }[reason];
}

/** A live event that was not published; `reason` says why. */
export class PublishError extends PubNubLiveError<
  "publish",
  PublishErrorReason
> {
  override name = "PublishError";
  /** The PubNub status category, e.g. `PNAccessDeniedCategory`. */
  readonly pubnubCategory: string | undefined;
  /** The HTTP status code PubNub answered with; 0 when none arrived. */
  readonly statusCode: number | undefined;
  /** For `too-large`: the event's URL-encoded bytes, reduced to its type. */
  readonly size: number | undefined;
  /** For `too-large`: the byte limit it was measured against. */
  readonly limit: number | undefined;

  constructor(context: PublishErrorContext) {
    super(
      "publish",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      context,
    );
    const { category, statusCode } =
      context.reason === "refused" ? statusOf(context.cause) : {};
    this.pubnubCategory = typeof category === "string" ? category : undefined;
    this.statusCode = typeof statusCode === "number" ? statusCode : undefined;
    this.size = context.size;
    this.limit = context.limit;
  }
}

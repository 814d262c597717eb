import { describeCause, PubNubLiveError } from "./PubNubLiveError";

interface PubNubStatusLike {
  category?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

export interface PublishErrorContext {
  /** The refine channel, when the event named one. */
  channel?: string | undefined;
  /**
   * `refused` (the default): PubNub or the SDK did not accept the publish,
   * `cause` says why. `no-type`: the event has no type. `no-channel`: a
   * server event named neither a resource nor a channel.
   */
  problem?: "refused" | "no-type" | "no-channel";
  /** The SDK's error, for `refused`. */
  cause?: unknown;
}

// The SDK rejects with an error whose `status` holds the details.
function refusal(cause: unknown): {
  reason: string;
  category: unknown;
  statusCode: unknown;
} {
  const status: PubNubStatusLike = Object(
    (cause as { status?: unknown } | undefined)?.status ?? cause,
  );
  const { category, statusCode } = status;
  const detail =
    typeof status.message === "string"
      ? status.message
      : cause instanceof Error
        ? cause.message
        : describeCause(cause);
  const reason = detail.includes("publishKey")
    ? "this client has no publishKey, so it can only subscribe. Publish from your backend (docs/security.md) or add a publishKey."
    : statusCode === 403 || category === "PNAccessDeniedCategory"
      ? "access denied (403): the client's token does not grant write on this channel. Publish from your backend or grant write."
      : category === "PNNetworkIssuesCategory"
        ? `PubNub could not be reached (${detail}); other clients were not told.`
        : [category, statusCode && `HTTP ${statusCode}`, detail]
            .filter(Boolean)
            .join(": ");
  return { reason, category, statusCode };
}

/** A live event that was not published; the message says why. */
export class PublishError extends PubNubLiveError {
  override name = "PublishError";
  readonly problem: NonNullable<PublishErrorContext["problem"]>;
  /** The PubNub status category, e.g. `PNAccessDeniedCategory`. */
  readonly pubnubCategory: string | undefined;
  /** The HTTP status code PubNub answered with; 0 when none arrived. */
  readonly statusCode: number | undefined;

  constructor({ channel, problem = "refused", cause }: PublishErrorContext) {
    const { reason, category, statusCode } =
      problem === "refused"
        ? refusal(cause)
        : { reason: "", category: undefined, statusCode: undefined };
    super(
      "publish",
      problem === "no-channel"
        ? "Cannot publish a live event that names neither a resource nor a channel."
        : problem === "no-type"
          ? `Cannot publish the live event for "${channel}": it has no type (a non-empty string).`
          : `Publishing the live event for "${channel}" failed: ${reason}`,
      { channel, cause },
    );
    this.problem = problem;
    this.pubnubCategory = typeof category === "string" ? category : undefined;
    this.statusCode = typeof statusCode === "number" ? statusCode : undefined;
  }
}

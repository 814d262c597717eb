import { describeCause, PubNubLiveError } from "./PubNubLiveError";

interface PubNubStatusLike {
  category?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/** PubNub did not accept a publish; `cause` is the SDK's error. */
export class PublishError extends PubNubLiveError {
  override name = "PublishError";
  /** The PubNub status category, e.g. `PNAccessDeniedCategory`. */
  readonly pubnubCategory: string | undefined;
  /** The HTTP status code PubNub answered with; 0 when none arrived. */
  readonly statusCode: number | undefined;

  constructor(channel: string, cause: unknown) {
    // The SDK rejects with an error whose `status` holds the details.
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
    super(
      "publish",
      `Publishing the live event for "${channel}" failed: ${
        detail.includes("publishKey")
          ? "this client has no publishKey, so it can only subscribe. Publish from your backend (docs/security.md) or add a publishKey."
          : statusCode === 403 || category === "PNAccessDeniedCategory"
            ? "access denied (403): the client's token does not grant write on this channel. Publish from your backend or grant write."
            : category === "PNNetworkIssuesCategory"
              ? `PubNub could not be reached (${detail}); other clients were not told.`
              : [category, statusCode && `HTTP ${statusCode}`, detail]
                  .filter(Boolean)
                  .join(": ")
      }`,
      { channel, cause },
    );
    this.pubnubCategory = typeof category === "string" ? category : undefined;
    this.statusCode = typeof statusCode === "number" ? statusCode : undefined;
  }
}

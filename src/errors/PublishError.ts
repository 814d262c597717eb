import { PubNubLiveError } from "./PubNubLiveError";

interface PubNubStatusLike {
  category?: unknown;
  statusCode?: unknown;
  errorData?: unknown;
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
    const status = statusOf(cause);
    const pubnubCategory =
      typeof status.category === "string" ? status.category : undefined;
    const statusCode =
      typeof status.statusCode === "number" ? status.statusCode : undefined;
    super(
      "publish",
      `Publishing the live event for "${channel}" failed: ${describe(cause, pubnubCategory, statusCode)}`,
      { channel, cause },
    );
    this.pubnubCategory = pubnubCategory;
    this.statusCode = statusCode;
  }
}

function statusOf(cause: unknown): PubNubStatusLike {
  if (typeof cause !== "object" || cause === null) return {};
  const status = (cause as { status?: unknown }).status;
  return typeof status === "object" && status !== null
    ? (status as PubNubStatusLike)
    : (cause as PubNubStatusLike);
}

function describe(
  cause: unknown,
  category: string | undefined,
  statusCode: number | undefined,
): string {
  if (typeof cause === "string") return cause;
  const status = statusOf(cause);
  const detail = String(
    typeof status.message === "string"
      ? status.message
      : cause instanceof Error
        ? cause.message
        : cause,
  );
  if (detail.includes("publishKey")) {
    return "this PubNub client has no publishKey, so it can only subscribe. Publish change events from your backend (see docs/security.md), or give the client a publishKey.";
  }
  if (category === "PNAccessDeniedCategory" || statusCode === 403) {
    return "access denied (403). The client's Access Manager token does not grant write on this channel: publish from your backend, or grant write.";
  }
  if (category === "PNNetworkIssuesCategory") {
    return `PubNub could not be reached (${detail}). Other clients were not told about this change.`;
  }
  return `${category ?? "unknown error"}${statusCode ? ` (HTTP ${statusCode})` : ""}: ${detail}.`;
}

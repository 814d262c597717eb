import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/** Why a grant failed. */
export type GrantErrorReason =
  | "no-user-id"
  | "bad-ttl"
  | "no-client"
  | "nothing-to-grant"
  | "no-secret-key"
  | "refused";

interface GrantErrorContext {
  reason: GrantErrorReason;
  /** The `ttl` asked for, for `bad-ttl`. */
  ttl?: unknown;
  /** PubNub's answer, for `no-secret-key` and `refused`. */
  cause?: unknown;
}

function describe({ reason, ttl, cause }: GrantErrorContext): string {
  const why = {
    "no-user-id": "`userId` must name the user the token is for.",
    "bad-ttl": `\`ttl\` must be whole minutes from 1 to 43200, got ${describeCause(ttl)}.`,
    "no-client": "pass a PubNub client from the `pubnub` package.",
    "nothing-to-grant":
      "name the `resources` or `channels` to grant, or set the app's `namespace` so one pattern can cover its channels.",
    "no-secret-key":
      "this PubNub client has no secretKey. Grant tokens from a backend whose client has secretKey and publishKey; never give the secret key to a browser.",
    refused: `PubNub refused the grant (${cause instanceof Error ? cause.message : describeCause(cause)}).`,
  }[reason];
  return `Cannot grant a live token: ${why}`;
}

/** An Access Manager token could not be granted; `cause` has PubNub's answer. */
export class GrantError extends PubNubLiveError<"grant", GrantErrorReason> {
  override name = "GrantError";

  constructor(context: GrantErrorContext) {
    super(
      "grant",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      context,
    );
  }
}

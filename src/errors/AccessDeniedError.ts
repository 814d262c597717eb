import { PubNubLiveError } from "./PubNubLiveError";

/**
 * `token-refused`: PubNub refused the token; the provider fetches a new one
 * with `getToken`. `no-get-token`: refused, and there is no `getToken`.
 * `tokens-refused`: refused `attempts` tokens in a row from `getToken`. The
 * last two stop live updates.
 */
export type AccessDeniedErrorReason =
  | "token-refused"
  | "no-get-token"
  | "tokens-refused";

interface AccessDeniedErrorContext {
  reason: AccessDeniedErrorReason;
  /** The PubNub status event that told; also the error's `cause`. */
  status: unknown;
  /** Tokens fetched in a row, for `tokens-refused`. */
  attempts?: number;
}

function describe({ reason, attempts }: AccessDeniedErrorContext): string {
  return {
    "token-refused":
      "PubNub refused the Access Manager token (403); fetching a new one with getToken.",
    "no-get-token":
      "PubNub refused the client's Access Manager token (403); live updates stopped. Pass `getToken` to liveProvider() to fetch new tokens, or grant read on the app's channels.",
    "tokens-refused": `PubNub refused ${attempts} tokens in a row from getToken (403); live updates stopped. Grant read on the app's channels (docs/security.md).`,
  }[reason];
}

/**
 * PubNub refused the client's Access Manager token (403). With `getToken`
 * the provider fetches a new one (`token-refused`); without it, or after
 * three refused tokens, live updates stop and the connection state is
 * `error`.
 */
export class AccessDeniedError extends PubNubLiveError<
  "access-denied",
  AccessDeniedErrorReason
> {
  override name = "AccessDeniedError";

  constructor(context: AccessDeniedErrorContext) {
    super(
      "access-denied",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      { cause: context.status },
    );
  }
}

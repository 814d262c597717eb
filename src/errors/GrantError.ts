import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/** Why a grant failed, and what to do about it. */
const MESSAGES = {
  "no-user-id": () => "`userId` must name the user the token is for.",
  "bad-ttl": (ttl: unknown) =>
    `\`ttl\` must be whole minutes from 1 to 43200, got ${describeCause(ttl)}.`,
  "no-client": () => "pass a PubNub client from the `pubnub` package.",
  "nothing-to-grant": () =>
    "name the `resources` or `channels` to grant, or set the app's `namespace` so one pattern can cover its channels.",
  "no-secret-key": () =>
    "this PubNub client has no secretKey. Grant tokens from a backend whose client has secretKey and publishKey; never give the secret key to a browser.",
  refused: (_: unknown, cause: unknown) =>
    `PubNub refused the grant (${cause instanceof Error ? cause.message : describeCause(cause)}).`,
} as const;

export interface GrantErrorContext {
  problem: keyof typeof MESSAGES;
  /** The `ttl` asked for, for `bad-ttl`. */
  ttl?: unknown;
  /** PubNub's answer, for `no-secret-key` and `refused`. */
  cause?: unknown;
}

/** An Access Manager token could not be granted; `cause` has PubNub's answer. */
export class GrantError extends PubNubLiveError {
  override name = "GrantError";
  readonly problem: GrantErrorContext["problem"];

  constructor({ problem, ttl, cause }: GrantErrorContext) {
    super(
      "grant",
      `Cannot grant a live token: ${MESSAGES[problem](ttl, cause)}`,
      { cause },
    );
    this.problem = problem;
  }
}

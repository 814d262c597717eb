import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/**
 * `state-not-json` and `state-too-large`: the state passed to presence was
 * not sent. `access-denied`: the token has no read on the presence channel.
 * `refused`: PubNub refused a presence request for another reason.
 */
export type PresenceErrorReason =
  | "state-not-json"
  | "state-too-large"
  | "access-denied"
  | "refused";

interface PresenceErrorContext {
  reason: PresenceErrorReason;
  /** The presence target as `resources/<resource>[/<id>]`. */
  channel?: string | undefined;
  /** The PubNub presence channel, for `access-denied` and `refused`. */
  pubnubChannel?: string | undefined;
  /** The URL-encoded size of a `state-too-large` state. */
  size?: number;
  cause?: unknown;
}

function describe({
  reason,
  channel,
  pubnubChannel,
  size,
  cause,
}: PresenceErrorContext): string {
  const where = channel ?? pubnubChannel;
  const why = {
    "state-not-json":
      "the presence state must be a plain JSON object (strings, numbers, booleans, null, arrays and objects)",
    "state-too-large": `the presence state is ${size} bytes URL-encoded; keep it under 1024 (it travels in every heartbeat URL)`,
    "access-denied":
      "PubNub refused it (403): the client's Access Manager token has no read on this presence channel and its -pnpres channel. Grant it with grantLiveToken(pubnub, { userId, resources, presence: true }) (the default); nothing was subscribed, so live updates go on",
    refused: `PubNub refused a presence request (${describeCause(cause)})`,
  }[reason];
  return `Presence on ${where === undefined ? "a target" : `"${where}"`}: ${why}.`;
}

/** A presence call that changed nothing; `reason` says why. */
export class PresenceError extends PubNubLiveError<
  "presence",
  PresenceErrorReason
> {
  override name = "PresenceError";
  /** The PubNub presence channel, for `access-denied` and `refused`. */
  readonly pubnubChannel: string | undefined;

  constructor(context: PresenceErrorContext) {
    super(
      "presence",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      context,
    );
    this.pubnubChannel = context.pubnubChannel;
  }
}

import { describeCause, PubNubLiveError } from "./PubNubLiveError";

const MESSAGES = {
  "state-not-json": () =>
    "the presence state must be a plain JSON object (strings, numbers, booleans, null, arrays and objects)",
  "state-too-large": (size: number) =>
    `the presence state is ${size} bytes URL-encoded; keep it under 1024 (it travels in every heartbeat URL)`,
  "access-denied": () =>
    "PubNub refused it (403): the client's Access Manager token has no read on this presence channel and its -pnpres channel. Grant it with grantLiveToken(pubnub, { userId, resources, presence: true }) (the default); nothing was subscribed, so live updates go on",
  refused: (_: number, cause: unknown) =>
    `PubNub refused a presence request (${describeCause(cause)})`,
} as const;

export interface PresenceErrorContext {
  problem: keyof typeof MESSAGES;
  /** The presence target as `resources/<resource>[/<id>]`. */
  channel?: string | undefined;
  /** The PubNub presence channel, for `access-denied` and `refused`. */
  pubnubChannel?: string | undefined;
  /** The URL-encoded size of a `state-too-large` state. */
  size?: number;
  cause?: unknown;
}

/** A presence call that changed nothing; the message says why. */
export class PresenceError extends PubNubLiveError {
  override name = "PresenceError";
  readonly problem: PresenceErrorContext["problem"];
  readonly pubnubChannel: string | undefined;

  constructor({
    problem,
    channel,
    pubnubChannel,
    size = 0,
    cause,
  }: PresenceErrorContext) {
    const where = channel ?? pubnubChannel;
    super(
      "presence",
      `Presence on ${where === undefined ? "a target" : `"${where}"`}: ${MESSAGES[problem](size, cause)}.`,
      { channel, cause },
    );
    this.problem = problem;
    this.pubnubChannel = pubnubChannel;
  }
}

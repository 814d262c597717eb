import { MAX_CHANNEL_NAME_LENGTH } from "../pubnubLimits";
import { describeCause, PubNubLiveError } from "./PubNubLiveError";

/** Why a name cannot be mapped. */
export type ChannelNameErrorReason =
  | "not-a-string"
  | "unpaired-surrogate"
  | "bad-namespace"
  | "too-long"
  | "not-a-pubnub-name"
  | "no-resource"
  | "bad-id";

interface ChannelNameErrorContext {
  reason: ChannelNameErrorReason;
  /** The refine channel, namespace, resource, id or PubNub name at fault. */
  channel: unknown;
  /** The PubNub name it maps to, for `too-long`. */
  pubnubChannel?: string | undefined;
  /** The longest name allowed, for `too-long`. */
  limit?: number | undefined;
  /** The namespace asked for, for `not-a-pubnub-name`. */
  namespace?: string | undefined;
}

function describe({
  reason,
  channel,
  pubnubChannel = "",
  limit,
  namespace,
}: ChannelNameErrorContext): string {
  const name = typeof channel === "string" ? JSON.stringify(channel) : "";
  const why = {
    "not-a-string": "it must be a non-empty string",
    "unpaired-surrogate": "it holds an unpaired surrogate",
    "bad-namespace": "a namespace may only hold A-Z, a-z, 0-9, - and _",
    "too-long": `it maps to "${pubnubChannel}", ${[...pubnubChannel].length} characters, over ${limit} characters (PubNub allows at most ${MAX_CHANNEL_NAME_LENGTH}, and presence channels 7 fewer for their "-pnpres" events); shorten the resource name or namespace`,
    "not-a-pubnub-name": `it is not a name toPubNubChannel() produces${namespace === undefined ? "" : ` in the namespace "${namespace}"`}`,
    "no-resource": "a presence target needs a resource",
    "bad-id": "a record id must be a non-empty string or a finite number",
  }[reason];
  return `Cannot map the channel ${name || describeCause(channel)} between refine and PubNub: ${why}.`;
}

/** A refine channel (or namespace) that cannot become a PubNub channel. */
export class ChannelNameError extends PubNubLiveError<
  "channel-name",
  ChannelNameErrorReason
> {
  override name = "ChannelNameError";

  constructor(context: ChannelNameErrorContext) {
    const { reason, channel } = context;
    super(
      "channel-name",
      reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      { channel: typeof channel === "string" ? channel : undefined },
    );
  }
}

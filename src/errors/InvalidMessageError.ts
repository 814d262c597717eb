import { PubNubLiveError } from "./PubNubLiveError";

/** What about the message is not a live event. */
export type InvalidMessageErrorReason =
  | "not-an-object"
  | "proto-key"
  | "no-type"
  | "bad-payload"
  | "bad-ids"
  | "bad-meta";

interface InvalidMessageErrorContext {
  reason: InvalidMessageErrorReason;
  /** The refine channel it arrived on. */
  channel: string;
  /** The message as it arrived. */
  receivedMessage: unknown;
}

const WHY: Record<InvalidMessageErrorReason, string> = {
  "not-an-object": "not a JSON object",
  "proto-key": "a __proto__ key",
  "no-type": '"type" is not a non-empty string',
  "bad-payload": '"payload" is not an object',
  "bad-ids": '"payload.ids" is not an array of strings or numbers',
  "bad-meta": '"meta" is not an object',
};

function describe({ reason, channel }: InvalidMessageErrorContext): string {
  return `Dropped a message on "${channel}" that is not a refine live event (${WHY[reason]}). Publish e.g. {"type":"updated","payload":{"ids":[1]}}; see "Wire format" in the README.`;
}

/**
 * A message arrived on a live channel that is not a refine live event. It was
 * dropped; `receivedMessage` holds what arrived.
 */
export class InvalidMessageError extends PubNubLiveError<
  "invalid-message",
  InvalidMessageErrorReason
> {
  override name = "InvalidMessageError";
  readonly receivedMessage: unknown;

  constructor(context: InvalidMessageErrorContext) {
    super(
      "invalid-message",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      context,
    );
    this.receivedMessage = context.receivedMessage;
  }
}

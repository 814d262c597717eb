import { PubNubLiveError } from "./PubNubLiveError";

/** What was asked of the disposed provider. */
export type DisposedErrorReason = "subscribe" | "publish" | "presence";

interface DisposedErrorContext {
  reason: DisposedErrorReason;
  channel?: string | undefined;
}

function describe({ reason, channel }: DisposedErrorContext): string {
  return `Cannot ${reason}${channel === undefined ? "" : ` on "${channel}"`}: this live provider was disposed; create a new one with liveProvider().`;
}

/** The provider was used after `dispose()`; the call did nothing. */
export class DisposedError extends PubNubLiveError<
  "disposed",
  DisposedErrorReason
> {
  override name = "DisposedError";

  constructor(context: DisposedErrorContext) {
    super(
      "disposed",
      context.reason,
      process.env.NODE_ENV !== "production" ? describe(context) : "",
      context,
    );
  }
}

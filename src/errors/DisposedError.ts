import { PubNubLiveError } from "./PubNubLiveError";

export interface DisposedErrorContext {
  /** What was asked of the disposed provider. */
  operation: "subscribe" | "publish" | "presence";
  channel?: string | undefined;
}

/** The provider was used after `dispose()`; the call did nothing. */
export class DisposedError extends PubNubLiveError {
  override name = "DisposedError";
  readonly operation: DisposedErrorContext["operation"];

  constructor({ operation, channel }: DisposedErrorContext) {
    super(
      "disposed",
      `Cannot ${operation}${channel === undefined ? "" : ` on "${channel}"`}: this live provider was disposed; create a new one with liveProvider().`,
      { channel },
    );
    this.operation = operation;
  }
}

/** The newest provider's catch-up options, with defaults applied. */
export interface CatchUpSettings {
  /** A burst of this many messages may have overflowed PubNub's queue; 0: always resync. */
  readonly catchUpLimit: number;
  /** The longest outage, in ms, whose missed messages PubNub still holds. */
  readonly catchUpWindow: number;
  /** Resyncs start at a random moment within this many ms; 0: at once. */
  readonly resyncJitter: number;
}

export const CATCH_UP_DEFAULTS: CatchUpSettings = {
  catchUpLimit: 100,
  // PubNub keeps 20 min; a silent drop can take the SDK's 310 s long-poll
  // timeout to notice, and the outage is counted from then.
  catchUpWindow: 15 * 60_000,
  resyncJitter: 3000,
};

/**
 * Decides when the subscribers need a resync instead of the messages PubNub
 * kept for them, and spreads resyncs over the jitter window so that a fleet
 * that reconnects together does not read in the same second.
 *
 * PubNub's subscribe queue holds the newest 100 messages (all channels of a
 * connection combined) for 20 minutes, and a client that resumes from its
 * cursor receives them in one response. So an outage within the window that
 * brings fewer messages than the limit lost nothing, and its messages are
 * delivered as ordinary events.
 */
export class ResyncPlanner {
  readonly #settings: () => CatchUpSettings;
  readonly #resync: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(settings: () => CatchUpSettings, resync: () => void) {
    this.#settings = settings;
    this.#resync = resync;
  }

  /** A resync is scheduled: messages until then are covered by it. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /**
   * The connection is back after `outage` ms; `Infinity` when the client
   * had no cursor to resume from (it never connected before).
   */
  recovered(outage: number): void {
    const { catchUpLimit, catchUpWindow } = this.#settings();
    if (catchUpLimit === 0 || outage > catchUpWindow) this.#schedule();
  }

  /**
   * The SDK handed over `count` messages at once. Returns whether a resync
   * covers them, so subscribers that get it can skip them.
   */
  burst(count: number): boolean {
    const { catchUpLimit } = this.#settings();
    if (catchUpLimit > 0 && count >= catchUpLimit) {
      this.#schedule();
      return true;
    }
    return this.pending;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.pending) return;
    const jitter = this.#settings().resyncJitter;
    if (jitter === 0) {
      this.#resync();
      return;
    }
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#resync();
      },
      Math.floor(Math.random() * jitter),
    );
  }
}

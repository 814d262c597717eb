import { CallbackError } from "../errors/CallbackError";
import type { LiveError } from "../errors/LiveError";
import type { PubNubClient, PubNubStatusEvent } from "../pubnubClient";
import { isNewerTimetoken } from "../timetoken";
import {
  type ConnectionState,
  type ConnectionStore,
  createConnectionStore,
} from "./connectionState";
import {
  initialMonitorState,
  type MonitorEffect,
  type MonitorInput,
  nextMonitorState,
} from "./connectionTransition";
import { reconnectDelayFor } from "./reconnectDelay";
import type { CatchUpSettings } from "./resyncPlanner";
import { refreshToken } from "./tokenRefresh";

/** The client-level callbacks of the newest provider on the client. */
export interface ClientCallbacks extends CatchUpSettings {
  readonly reconnectDelay: ((attempt: number) => number) | undefined;
  readonly getToken: (() => string | Promise<string>) | undefined;
  report(error: LiveError): void;
}

export interface ConnectionMonitorOptions {
  /** Read at each use, so the newest provider's callbacks apply. */
  callbacks(): ClientCallbacks;
  /**
   * Called once each time the connection is back after it was lost, with
   * the outage in ms from the first sign of the loss, or `Infinity` when
   * the SDK may not have resumed from its cursor.
   */
  onRecovered(outage: number): void;
  /**
   * The SDK handed over a message, signal or presence event, on any channel:
   * PubNub's catch-up queue counts them all.
   */
  onMessage(): void;
}

/**
 * How long a restarted older subscribe loop must go without failing before
 * the provider calls it connected: that loop sends no status when it works.
 * A refused or failed subscribe answers well within it.
 */
const OLDER_LOOP_CONFIRM_DELAY = 2000;

/**
 * Runs {@link nextMonitorState} on the SDK's status events: keeps the
 * {@link ConnectionStore}, and carries out the effects (timers, token
 * refresh, reconnects, reports).
 */
export class ConnectionMonitor {
  readonly store: ConnectionStore & {
    set(state: ConnectionState): void;
    clear(): void;
  };
  readonly #client: PubNubClient;
  readonly #options: ConnectionMonitorOptions;
  readonly #listener = {
    status: (status: PubNubStatusEvent) => {
      this.#apply({
        type: "status",
        status,
        canRefreshToken: this.#canRefreshToken(),
      });
      // After: a recovery is judged by what was known before it.
      this.#noteCursor(status.currentTimetoken);
    },
    message: (event: object) => this.#counted(event),
    signal: (event: object) => this.#counted(event),
    presence: (event: object) => this.#counted(event),
  };
  #state = initialMonitorState;
  #disposed = false;
  /** When the current outage began; `undefined` while there is none. */
  #lostAt: number | undefined;
  /**
   * The newest timetoken the connection is known to have reached. The
   * event engine (pubnub 8 to 12) forgets its cursor when a reconnect's
   * handshake fails, so every reconnect passes it.
   */
  #cursor = "";
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #quietTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(client: PubNubClient, options: ConnectionMonitorOptions) {
    this.#client = client;
    this.#options = options;
    this.store = createConnectionStore((cause) =>
      this.#report(
        new CallbackError({ reason: "connection.subscribe listener", cause }),
      ),
    );
    client.addListener(this.#listener);
  }

  /** A subscriber was added: the SDK is about to connect if it was not. */
  subscribing(): void {
    this.#apply({ type: "subscribing" });
  }

  dispose(): void {
    this.#disposed = true;
    this.#cancel("all");
    this.#client.removeListener(this.#listener);
    this.store.set({ status: "disconnected" });
    this.store.clear();
  }

  #callbacks(): ClientCallbacks {
    return this.#options.callbacks();
  }

  #canRefreshToken(): boolean {
    return this.#callbacks().getToken !== undefined;
  }

  #report(error: LiveError): void {
    this.#callbacks().report(error);
  }

  #apply(input: MonitorInput): void {
    if (this.#disposed) return;
    const { state, effects } = nextMonitorState(this.#state, input);
    if (state.lost && this.#lostAt === undefined) this.#lostAt = Date.now();
    this.#state = state;
    const { status, error } = state;
    this.store.set(error === undefined ? { status } : { status, error });
    for (const effect of effects) this.#run(effect);
    if (status === "connected") this.#lostAt = undefined;
  }

  #run(effect: MonitorEffect): void {
    switch (effect.type) {
      case "report":
        this.#report(effect.error);
        break;
      case "resync":
        this.#options.onRecovered(this.#outage());
        break;
      case "reconnect":
        this.#later(() => this.#restart(), effect.attempt);
        break;
      case "fetch-token": {
        const { attempt, status } = effect;
        this.#later(() => this.#fetchToken(status), attempt, attempt === 0);
        break;
      }
      case "quiet-check":
        this.#cancel("quiet");
        this.#quietTimer = setTimeout(
          () => this.#apply({ type: "quiet" }),
          OLDER_LOOP_CONFIRM_DELAY,
        );
        break;
      case "cancel-quiet-check":
        this.#cancel("quiet");
        break;
      case "cancel-all":
        this.#cancel("all");
    }
  }

  #cancel(timers: "all" | "quiet"): void {
    clearTimeout(this.#quietTimer);
    if (timers === "all") clearTimeout(this.#retryTimer);
  }

  /** Runs `task` after the reconnect delay for `attempt` (or at once). */
  #later(task: () => unknown, attempt: number, now = false): void {
    clearTimeout(this.#retryTimer);
    const { reconnectDelay } = this.#callbacks();
    const report = (error: LiveError) => this.#report(error);
    const delay = now ? 0 : reconnectDelayFor(attempt, reconnectDelay, report);
    this.#retryTimer = setTimeout(() => this.#disposed || task(), delay);
  }

  /**
   * The outage that just ended, in ms; `Infinity` when the SDK may not have
   * resumed from a cursor: it never connected, or never told the provider
   * where it was (pubnub 8's event engine says nothing until a message),
   * and a failed handshake makes the event engine forget it.
   */
  #outage(): number {
    if (this.#cursor === "") return Number.POSITIVE_INFINITY;
    return Date.now() - (this.#lostAt ?? Date.now());
  }

  #counted(event: object): void {
    this.#apply({ type: "message" });
    if ("timetoken" in event) this.#noteCursor(event.timetoken);
    this.#options.onMessage();
  }

  #noteCursor(timetoken: unknown): void {
    const text = String(timetoken ?? "");
    if (/^[1-9]\d*$/.test(text) && isNewerTimetoken(text, this.#cursor)) {
      this.#cursor = text;
    }
  }

  #restart(): void {
    const timetoken = this.#cursor;
    this.#client.reconnect(timetoken === "" ? undefined : { timetoken });
    if (this.#state.quietLoop) this.#run({ type: "quiet-check" });
  }

  async #fetchToken(status: PubNubStatusEvent): Promise<void> {
    const { getToken } = this.#callbacks();
    try {
      if (getToken !== undefined) {
        await refreshToken(this.#client, getToken);
        if (!this.#disposed) this.#restart();
        return;
      }
    } catch (error) {
      if (this.#disposed) return;
      this.#report(error as LiveError);
    }
    this.#apply({
      type: "token-failed",
      status,
      canRefreshToken: this.#canRefreshToken(),
    });
  }
}

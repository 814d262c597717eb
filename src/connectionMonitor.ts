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
import { CallbackError } from "./errors/CallbackError";
import type { PubNubLiveError } from "./errors/PubNubLiveError";
import type { PubNubClient, PubNubStatusEvent } from "./pubnubClient";
import { reconnectDelayFor } from "./reconnectDelay";
import { refreshToken } from "./tokenRefresh";

/** The client-level callbacks of the newest provider on the client. */
export interface ClientCallbacks {
  readonly reconnectDelay: ((attempt: number) => number) | undefined;
  readonly getToken: (() => string | Promise<string>) | undefined;
  report(error: PubNubLiveError): void;
}

export interface ConnectionMonitorOptions {
  /** Read at each use, so the newest provider's callbacks apply. */
  callbacks(): ClientCallbacks;
  /** Called once each time the connection is back after it was lost. */
  onRecovered(): void;
}

export interface ConnectionMonitor {
  readonly store: ConnectionStore;
  /** A subscriber was added: the SDK is about to connect if it was not. */
  subscribing(): void;
  dispose(): void;
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
export function monitorConnection(
  client: PubNubClient,
  { callbacks, onRecovered }: ConnectionMonitorOptions,
): ConnectionMonitor {
  const report = (error: PubNubLiveError) => callbacks().report(error);
  const store = createConnectionStore((cause) =>
    report(
      new CallbackError({ callback: "connection.subscribe listener", cause }),
    ),
  );
  let state = initialMonitorState;
  let disposed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;

  const apply = (input: MonitorInput): void => {
    if (disposed) return;
    const next = nextMonitorState(state, input);
    state = next.state;
    const { status, error } = state;
    store.set(error === undefined ? { status } : { status, error });
    for (const effect of next.effects) run(effect);
  };

  const later = (task: () => unknown, attempt: number, now = false) => {
    clearTimeout(retryTimer);
    const { reconnectDelay } = callbacks();
    const delay = now ? 0 : reconnectDelayFor(attempt, reconnectDelay, report);
    retryTimer = setTimeout(() => disposed || task(), delay);
  };

  const restart = (): void => {
    client.reconnect();
    if (state.quietLoop) run({ type: "quiet-check" });
  };

  const fetchToken = async (status: PubNubStatusEvent): Promise<void> => {
    const { getToken } = callbacks();
    try {
      if (getToken !== undefined) {
        await refreshToken(client, getToken);
        return void (disposed || restart());
      }
    } catch (error) {
      if (disposed) return;
      report(error as PubNubLiveError);
    }
    const canRefreshToken = callbacks().getToken !== undefined;
    apply({ type: "token-failed", status, canRefreshToken });
  };

  function run(effect: MonitorEffect): void {
    if (effect.type === "report") report(effect.error);
    else if (effect.type === "resync") onRecovered();
    else if (effect.type === "reconnect") later(restart, effect.attempt);
    else if (effect.type === "fetch-token") {
      const { attempt, status } = effect;
      later(() => fetchToken(status), attempt, attempt === 0);
    } else {
      if (effect.type === "cancel-all") clearTimeout(retryTimer);
      clearTimeout(quietTimer);
      if (effect.type === "quiet-check") {
        quietTimer = setTimeout(
          () => apply({ type: "quiet" }),
          OLDER_LOOP_CONFIRM_DELAY,
        );
      }
    }
  }

  const listener = {
    status(status: PubNubStatusEvent): void {
      const canRefreshToken = callbacks().getToken !== undefined;
      apply({ type: "status", status, canRefreshToken });
    },
  };
  client.addListener(listener);

  return {
    store,
    subscribing: () => apply({ type: "subscribing" }),
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
      clearTimeout(quietTimer);
      client.removeListener(listener);
      store.set({ status: "disconnected" } satisfies ConnectionState);
      store.clear();
    },
  };
}

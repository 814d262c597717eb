import { type ConnectionStore, createConnectionStore } from "./connectionState";
import { ConnectionError } from "./errors/ConnectionError";
import { describeCause, type PubNubLiveError } from "./errors/PubNubLiveError";
import type { PubNubClient, PubNubStatusEvent } from "./pubnubClient";
import { statusMeaning } from "./statusMeaning";

export interface ConnectionMonitorOptions {
  reconnectDelay(attempt: number): number;
  getToken: (() => string | Promise<string>) | undefined;
  /** Called once each time the connection is back after it was lost. */
  onRecovered(): void;
  report(error: PubNubLiveError): void;
}

export interface ConnectionMonitor {
  readonly store: ConnectionStore;
  /** A subscriber was added: the SDK is about to connect if it was not. */
  subscribing(): void;
  dispose(): void;
}

const MAX_TOKEN_ATTEMPTS = 3;

/**
 * How long a restarted older subscribe loop must go without failing before
 * the provider calls it connected: that loop sends no status when it works.
 * A refused or failed subscribe answers well within it.
 */
const OLDER_LOOP_CONFIRM_DELAY = 2000;

/** Exponential backoff from 1 s to 30 s, with ±20 % jitter. */
export function defaultReconnectDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 30_000) * (0.8 + Math.random() * 0.4);
}

/**
 * Turns the SDK's status events into a {@link ConnectionStore}, reconnects
 * after unexpected disconnects (the SDK stops once its own retries are
 * spent), and refreshes Access Manager tokens on 403.
 */
export function monitorConnection(
  client: PubNubClient,
  { reconnectDelay, getToken, onRecovered, report }: ConnectionMonitorOptions,
): ConnectionMonitor {
  const store = createConnectionStore();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let confirmTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let tokenAttempts = 0;
  let lost = false;
  let disposed = false;
  // The older subscribe loop stopped: its reconnect() says nothing when it works.
  let quietLoop = false;

  const schedule = (
    task: () => unknown,
    delay = reconnectDelay(attempt++),
  ): void => {
    clearTimeout(timer);
    timer = setTimeout(() => disposed || task(), delay);
  };

  const connected = (): void => {
    clearTimeout(timer);
    clearTimeout(confirmTimer);
    attempt = tokenAttempts = 0;
    store.set({ status: "connected" });
    if (lost) {
      lost = false;
      onRecovered();
    }
  };

  /** The older loop restarted: connected once it has not failed for a while. */
  const confirmLater = (): void => {
    clearTimeout(confirmTimer);
    confirmTimer = setTimeout(
      () => disposed || connected(),
      OLDER_LOOP_CONFIRM_DELAY,
    );
  };

  const restart = (): void => {
    client.reconnect();
    if (quietLoop) confirmLater();
  };

  const reconnecting = (error: ConnectionError): ConnectionError => {
    lost = true;
    clearTimeout(confirmTimer);
    store.set({ status: "reconnecting", error });
    return error;
  };

  const refreshToken = (status: PubNubStatusEvent): void => {
    if (getToken === undefined || tokenAttempts >= MAX_TOKEN_ATTEMPTS) {
      const error = new ConnectionError(
        "access-denied",
        getToken === undefined
          ? "PubNub refused the client's Access Manager token (403); live updates stopped. Pass `getToken` to liveProvider() to fetch new tokens, or grant read on the app's channels."
          : `PubNub refused ${MAX_TOKEN_ATTEMPTS} tokens in a row from getToken (403); live updates stopped. Grant read on the app's channels (docs/security.md).`,
        status,
      );
      clearTimeout(timer);
      clearTimeout(confirmTimer);
      store.set({ status: "error", error });
      report(error);
      return;
    }
    reconnecting(
      new ConnectionError(
        "access-denied",
        "PubNub refused the Access Manager token (403); fetching a new one.",
        status,
      ),
    );
    const delay = tokenAttempts === 0 ? 0 : reconnectDelay(tokenAttempts);
    tokenAttempts++;
    schedule(async () => {
      try {
        const token = await getToken();
        if (disposed) return;
        if (typeof token !== "string" || token === "") {
          throw new TypeError(`it returned ${JSON.stringify(token)}`);
        }
        client.setToken(token);
        restart();
      } catch (cause) {
        if (disposed) return;
        report(
          new ConnectionError(
            "access-denied",
            `getToken failed (${describeCause(cause)}); retrying.`,
            cause,
          ),
        );
        refreshToken(status);
      }
    }, delay);
  };

  /** Reconnecting; reported once per outage. */
  const connectionLost = (status: PubNubStatusEvent): void => {
    const { category, error } = status;
    const wasReconnecting = store.getState().status === "reconnecting";
    const failure = reconnecting(
      new ConnectionError(
        "connection",
        `Lost the connection to PubNub (${category}${typeof error === "string" ? `: ${error}` : ""}); reconnecting, then every subscriber gets a resync event.`,
        status,
      ),
    );
    if (!wasReconnecting) report(failure);
  };

  const listener = {
    status(status: PubNubStatusEvent): void {
      if (disposed) return;
      const { meaning, olderLoop } = statusMeaning(status);
      if (meaning === "connected") {
        connected();
      } else if (meaning === "disconnected") {
        clearTimeout(timer);
        clearTimeout(confirmTimer);
        store.set({ status: "disconnected" });
      } else if (meaning === "offline") {
        // The browser went offline; the SDK reconnects when it is back.
        reconnecting(
          new ConnectionError(
            "connection",
            "The browser is offline; reconnecting to PubNub when it is back.",
            status,
          ),
        );
      } else if (meaning === "retrying") {
        connectionLost(status);
      } else if (meaning === "reconnected") {
        quietLoop = true;
        confirmLater();
      } else if (meaning === "stopped") {
        quietLoop = olderLoop;
        connectionLost(status);
        schedule(restart);
      } else if (meaning === "access-denied") {
        quietLoop = olderLoop;
        lost = true;
        refreshToken(status);
      }
    },
  };
  client.addListener(listener);

  return {
    store,
    subscribing() {
      const { status } = store.getState();
      if (status === "idle" || status === "disconnected") {
        store.set({ status: "connecting" });
      }
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      clearTimeout(confirmTimer);
      client.removeListener(listener);
      store.set({ status: "disconnected" });
      store.clear();
    },
  };
}

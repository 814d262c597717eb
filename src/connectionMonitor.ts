import { type ConnectionStore, createConnectionStore } from "./connectionState";
import { ConnectionError } from "./errors/ConnectionError";
import { describeCause, type PubNubLiveError } from "./errors/PubNubLiveError";
import type { PubNubClient, PubNubStatusEvent } from "./pubnubClient";

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
  let attempt = 0;
  let tokenAttempts = 0;
  let lost = false;
  let disposed = false;

  const schedule = (
    task: () => unknown,
    delay = reconnectDelay(attempt++),
  ): void => {
    clearTimeout(timer);
    timer = setTimeout(() => disposed || task(), delay);
  };

  const reconnecting = (error: ConnectionError): ConnectionError => {
    lost = true;
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
        client.reconnect();
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
    schedule(() => client.reconnect());
  };

  const listener = {
    status(status: PubNubStatusEvent): void {
      const { category, error } = status;
      if (disposed) return;
      if (category === "PNConnectedCategory") {
        clearTimeout(timer);
        attempt = tokenAttempts = 0;
        store.set({ status: "connected" });
        if (lost) {
          lost = false;
          onRecovered();
        }
      } else if (category === "PNDisconnectedCategory") {
        clearTimeout(timer);
        store.set({ status: "disconnected" });
      } else if (category === "PNNetworkDownCategory") {
        // The browser went offline; the SDK reconnects when it is back.
        reconnecting(
          new ConnectionError(
            "connection",
            "The browser is offline; reconnecting to PubNub when it is back.",
            status,
          ),
        );
      } else if (
        category === "PNDisconnectedUnexpectedlyCategory" ||
        category === "PNConnectionErrorCategory"
      ) {
        lost = true;
        if (error === "PNAccessDeniedCategory" || status.statusCode === 403) {
          refreshToken(status);
        } else {
          connectionLost(status);
        }
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
      client.removeListener(listener);
      store.set({ status: "disconnected" });
      store.clear();
    },
  };
}

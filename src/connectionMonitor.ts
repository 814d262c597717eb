import { type ConnectionStore, createConnectionStore } from "./connectionState";
import { ConnectionError } from "./errors/ConnectionError";
import type { PubNubLiveError } from "./errors/PubNubLiveError";
import type {
  PubNubClient,
  PubNubClientListener,
  PubNubStatusEvent,
} from "./pubnubClient";

export interface ConnectionMonitorOptions {
  reconnectDelay(attempt: number): number;
  getToken: (() => string | Promise<string>) | undefined;
  /** Called once each time the connection is back after it was lost. */
  onRecovered(): void;
  report(error: PubNubLiveError): void;
}

const MAX_TOKEN_ATTEMPTS = 3;

/** Exponential backoff from 1 s to 30 s, with ±20 % jitter. */
export function defaultReconnectDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 30_000) * (0.8 + Math.random() * 0.4);
}

function isAccessDenied(status: PubNubStatusEvent): boolean {
  return (
    status.error === "PNAccessDeniedCategory" ||
    status.category === "PNAccessDeniedCategory" ||
    status.statusCode === 403
  );
}

/**
 * Turns the SDK's status events into a {@link ConnectionStore}, reconnects
 * after unexpected disconnects (the SDK stops once its own retries are
 * spent), and refreshes Access Manager tokens on 403.
 */
export class ConnectionMonitor {
  readonly #store = createConnectionStore();
  readonly #client: PubNubClient;
  readonly #options: ConnectionMonitorOptions;
  readonly #listener: PubNubClientListener;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #tokenAttempts = 0;
  #lost = false;
  #disposed = false;

  constructor(client: PubNubClient, options: ConnectionMonitorOptions) {
    this.#client = client;
    this.#options = options;
    this.#listener = { status: (status) => this.#onStatus(status) };
    client.addListener(this.#listener);
  }

  get store(): ConnectionStore {
    return this.#store;
  }

  /** A subscriber was added: the SDK is about to connect if it was not. */
  subscribing(): void {
    const { status } = this.#store.getState();
    if (status === "idle" || status === "disconnected") {
      this.#store.set({ status: "connecting" });
    }
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#client.removeListener(this.#listener);
    this.#store.set({ status: "disconnected" });
    this.#store.clear();
  }

  #onStatus(status: PubNubStatusEvent): void {
    if (this.#disposed) return;
    switch (status.category) {
      case "PNConnectedCategory":
        this.#connected();
        break;
      case "PNDisconnectedCategory":
        clearTimeout(this.#timer);
        this.#store.set({ status: "disconnected" });
        break;
      case "PNDisconnectedUnexpectedlyCategory":
      case "PNConnectionErrorCategory":
        this.#failed(status);
        break;
      case "PNNetworkDownCategory":
        // The browser went offline; the SDK reconnects when it is back.
        this.#lost = true;
        this.#store.set({
          status: "reconnecting",
          error: new ConnectionError(
            "connection",
            "The browser is offline; reconnecting to PubNub when it is back.",
            status,
          ),
        });
        break;
    }
  }

  #connected(): void {
    clearTimeout(this.#timer);
    this.#attempt = 0;
    this.#tokenAttempts = 0;
    this.#store.set({ status: "connected" });
    if (this.#lost) {
      this.#lost = false;
      this.#options.onRecovered();
    }
  }

  #failed(status: PubNubStatusEvent): void {
    this.#lost = true;
    if (isAccessDenied(status)) {
      this.#refreshToken(status);
      return;
    }
    const wasReconnecting = this.#store.getState().status === "reconnecting";
    const error = new ConnectionError(
      "connection",
      `Lost the connection to PubNub (${status.category}${typeof status.error === "string" ? `: ${status.error}` : ""}); reconnecting. Subscribers get a resync event once it is back.`,
      status,
    );
    this.#store.set({ status: "reconnecting", error });
    if (!wasReconnecting) this.#options.report(error);
    this.#schedule(() => this.#client.reconnect());
  }

  #refreshToken(status: PubNubStatusEvent): void {
    const { getToken } = this.#options;
    if (getToken === undefined || this.#tokenAttempts >= MAX_TOKEN_ATTEMPTS) {
      this.#fail(
        new ConnectionError(
          "access-denied",
          getToken === undefined
            ? "PubNub refused the client's Access Manager token (403), so live updates stopped. Pass `getToken` to liveProvider() so it can fetch a new token, or grant this client read access to its channels."
            : `PubNub refused ${MAX_TOKEN_ATTEMPTS} tokens in a row from getToken (403), so live updates stopped. Check that the token grants read on the app's channels (see docs/security.md).`,
          status,
        ),
      );
      return;
    }
    this.#store.set({
      status: "reconnecting",
      error: new ConnectionError(
        "access-denied",
        "PubNub refused the Access Manager token (403); fetching a new one.",
        status,
      ),
    });
    const delay =
      this.#tokenAttempts === 0
        ? 0
        : this.#options.reconnectDelay(this.#tokenAttempts);
    this.#tokenAttempts++;
    this.#schedule(async () => {
      try {
        const token = await getToken();
        if (this.#disposed) return;
        if (typeof token !== "string" || token === "") {
          throw new TypeError(`getToken returned ${JSON.stringify(token)}`);
        }
        this.#client.setToken(token);
        this.#client.reconnect();
      } catch (cause) {
        if (this.#disposed) return;
        this.#options.report(
          new ConnectionError(
            "access-denied",
            `getToken failed: ${cause instanceof Error ? cause.message : String(cause)}. Retrying.`,
            cause,
          ),
        );
        this.#refreshToken(status);
      }
    }, delay);
  }

  #fail(error: ConnectionError): void {
    clearTimeout(this.#timer);
    this.#store.set({ status: "error", error });
    this.#options.report(error);
  }

  #schedule(
    task: () => void | Promise<void>,
    delay = this.#options.reconnectDelay(this.#attempt++),
  ): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#disposed) void task();
    }, delay);
  }
}

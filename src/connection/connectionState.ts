import type { AccessDeniedError } from "../errors/AccessDeniedError";
import type { ConnectionError } from "../errors/ConnectionError";

/**
 * - `idle`: nothing subscribed yet.
 * - `connecting`: the first connection is being made.
 * - `connected`: live; events arrive.
 * - `reconnecting`: the connection was lost; the provider is reconnecting.
 *   Events may be missed until it is back (then every subscriber gets a
 *   resync event).
 * - `disconnected`: nothing is subscribed any more, or the provider was
 *   disposed.
 * - `error`: the provider cannot reconnect by itself (access denied and no
 *   new token); `error` says why.
 */
export type ConnectionStatus =
  | "idle"
  | "connecting"
  | "connected"
  | "reconnecting"
  | "disconnected"
  | "error";

/** The provider's view of its PubNub connection. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Why the connection was lost, for `reconnecting` and `error`. */
  readonly error?: ConnectionError | AccessDeniedError | undefined;
}

/** Read and watch a {@link ConnectionState}, e.g. with `useSyncExternalStore`. */
export interface ConnectionStore {
  getState(): ConnectionState;
  /** Calls `listener` on every change; returns a function that stops it. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/**
 * A tiny observable holder for the connection state. A listener that throws
 * goes to `onListenerError`; the others are still told.
 */
export function createConnectionStore(
  onListenerError: (cause: unknown) => void,
): ConnectionStore & {
  set(state: ConnectionState): void;
  clear(): void;
} {
  let state: ConnectionState = { status: "idle" };
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(next) {
      if (next.status === state.status && next.error === state.error) return;
      state = next;
      for (const listener of [...listeners]) {
        try {
          listener(state);
        } catch (cause) {
          onListenerError(cause);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}

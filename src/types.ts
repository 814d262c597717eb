import type { ConnectionState } from "./connectionState";
import type { PubNubLiveError } from "./errors/PubNubLiveError";

/** Options of {@link liveProvider}. */
export interface LiveProviderOptions {
  /**
   * Prefix for every PubNub channel this provider uses, so several apps or
   * tenants can share one keyset: with `"acme"`, `resources/posts` becomes
   * `acme.resources.posts`. Letters, digits, `-` and `_` only.
   *
   * @default undefined (no prefix: `resources.posts`)
   */
  namespace?: string | undefined;

  /**
   * Whether this provider ignores the events it published itself. refine
   * already refetched after the user's own mutation, so by default the
   * publishing provider does not hear its own echo (other providers, also
   * those in other tabs of the same user, still do). Set `false` to receive
   * your own events too.
   *
   * @default true
   */
  ignoreOwnEvents?: boolean | undefined;

  /**
   * How long, in milliseconds, a PubNub channel stays subscribed after its
   * last refine subscriber left. Absorbs React StrictMode's
   * unmount/mount and quick back-and-forth navigation without a PubNub
   * `leave` and re-`subscribe`.
   *
   * @default 1000
   */
  releaseDelay?: number | undefined;

  /**
   * Receives every failure: channels that cannot be mapped, failed
   * publishes, dropped messages, throwing callbacks. The provider itself
   * never throws into refine.
   *
   * @default logs the error with `console.error`
   * @example
   * liveProvider(pubnub, {
   *   onError: (error) => {
   *     if (error.category === "publish") toast(error.message);
   *   },
   * })
   */
  onError?: ((error: PubNubLiveError) => void) | undefined;

  /**
   * Whether every active subscriber gets one synthetic event when the
   * connection comes back after it was lost: `{ type: "*", payload: {},
   * meta: { resync: true, dataProviderName } }`. In `liveMode: "auto"` this
   * refetches what may have changed meanwhile; `manual` pages can tell the
   * user.
   *
   * @default true
   */
  resync?: boolean | undefined;

  /**
   * Milliseconds to wait before reconnection attempt number `attempt`
   * (0, 1, 2, …) after PubNub disconnected unexpectedly.
   *
   * @default exponential from 1 s to 30 s, with ±20 % jitter
   */
  reconnectDelay?: ((attempt: number) => number) | undefined;

  /**
   * Fetches a new Access Manager token when PubNub answers 403 (expired or
   * revoked token). The provider calls `pubnub.setToken(token)` and
   * reconnects. Without it, a 403 stops live updates: the connection state
   * becomes `error` and `onError` gets an `access-denied` error. pubnub 8's
   * event engine names a 403 only when the client has a `retryConfiguration`.
   *
   * @default undefined
   * @example
   * getToken: () => fetch("/api/pubnub-token").then((r) => r.text())
   */
  getToken?: (() => string | Promise<string>) | undefined;

  /**
   * Called with the new {@link ConnectionState} on every change (also
   * available as `provider.connection`).
   *
   * @default undefined
   */
  onConnectionStateChange?: ((state: ConnectionState) => void) | undefined;
}

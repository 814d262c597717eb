import type { ConnectionState } from "./connection/connectionState";
import type { LiveError } from "./errors/LiveError";

/**
 * Options of {@link liveProvider}. Every provider on one PubNub client shares
 * that client's live session: `namespace`, `ignoreOwnEvents`,
 * `releaseDelay`, `resync` and `onError` (for a subscriber's own calls and
 * callback) apply to the subscribers that came through this provider;
 * `onConnectionStateChange`, `getToken`, `reconnectDelay`, `catchUpLimit`,
 * `catchUpWindow`, `resyncJitter` and connection reports come from the
 * newest provider on the client.
 */
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
   * Whether this provider's subscribers ignore events published from their
   * own PubNub client (through any provider on it). refine already refetched
   * after the user's own mutation, so by default it does not hear its own
   * echo; other clients, also other tabs of the same user, still do. Set
   * `false` to receive your own events too.
   *
   * @default true
   */
  ignoreOwnEvents?: boolean | undefined;

  /**
   * How long, in milliseconds, a PubNub channel stays subscribed after its
   * last refine subscriber left (that subscriber's provider's delay). Absorbs React StrictMode's
   * unmount/mount and quick back-and-forth navigation without a PubNub
   * `leave` and re-`subscribe`.
   *
   * @default 1000
   */
  releaseDelay?: number | undefined;

  /**
   * Who publishes the events of refine's mutation hooks. `"client"`: this
   * provider publishes them from the browser (the client needs a
   * `publishKey`). `"backend"`: your backend publishes every change
   * (`publishLiveEvent` from `@refinedev/pubnub/server`), so `publish` does
   * nothing: no request, no error. A client without a `publishKey` behaves
   * as `"backend"` whatever this says, because the SDK cannot publish
   * without one.
   *
   * @default "client"
   */
  publishFrom?: "client" | "backend" | undefined;

  /**
   * Receives every failure: channels that cannot be mapped, failed
   * publishes, dropped messages, throwing callbacks. The provider itself
   * never throws into refine. A subscriber's failures go to the provider it
   * subscribed through; connection failures and dropped messages to the
   * newest provider on the client. If `onError` throws, that is logged with
   * `console.error`.
   *
   * @default logs the error with `console.error`
   * @example
   * liveProvider(pubnub, {
   *   onError: (error) => {
   *     if (error.category === "publish") toast(error.message);
   *   },
   * })
   */
  onError?: ((error: LiveError) => void) | undefined;

  /**
   * Whether every active subscriber gets one synthetic event when the
   * connection comes back after it was lost: `{ type: "*", payload: {},
   * meta: { resync: true, dataProviderName } }`. In `liveMode: "auto"` this
   * refetches what may have changed meanwhile; `manual` pages can tell the
   * user. Like every event it reaches only subscribers whose `types` include
   * `"*"` (every refine data hook's do).
   *
   * @default true
   */
  resync?: boolean | undefined;

  /**
   * Quiet reconnect. PubNub keeps the newest 100 messages of a connection
   * (all its channels combined; configurable per keyset) for 20 minutes,
   * and the SDK resumes from its cursor after an outage, so the missed
   * messages arrive in one response. When that response holds fewer than
   * `catchUpLimit` messages and the outage was within `catchUpWindow`, the
   * provider delivers them as ordinary events (coalesced, and targeted by
   * `withLiveInvalidation`) and sends no resync: a `manual` page hears the
   * real `deleted`, not a generic `*`. Otherwise messages may have been
   * dropped, and subscribers get the resync event instead of them. Any
   * response of `catchUpLimit` messages or more counts as an overflow, also
   * one the SDK retried through without reporting an outage.
   * Set it to your keyset's queue size; `0` resyncs after every outage.
   * The newest provider's applies.
   *
   * @default 100
   */
  catchUpLimit?: number | undefined;

  /**
   * The longest outage, in milliseconds, after which the missed messages
   * are trusted (see `catchUpLimit`); after a longer one every subscriber
   * resyncs. PubNub keeps messages 20 minutes; the default leaves 5 of
   * them for the time a silently dropped connection takes to notice (the
   * SDK's 310 s long-poll timeout). The newest provider's applies.
   *
   * @default 900000 (15 minutes)
   */
  catchUpWindow?: number | undefined;

  /**
   * Milliseconds over which resyncs are spread: each client waits a random
   * time from 0 to this before it sends its resync events, so a fleet that
   * reconnects together after a PubNub incident does not read your API in
   * the same second. Messages that arrive while a resync waits are covered
   * by it and skipped by the subscribers that get resyncs. `0` resyncs at
   * once. The newest provider's applies.
   *
   * @default 3000
   */
  resyncJitter?: number | undefined;

  /**
   * Whether events of one channel that arrive together (one PubNub
   * long-poll response, one tick) reach each subscriber merged: each run of
   * consecutive events of one type whose `payload` holds only `ids` becomes
   * one event with the union of their ids (and the last one's date). Other
   * events stay separate, in order. In `liveMode: "auto"` a burst then
   * costs one refetch instead of one per event; `manual` pages still learn
   * every id. No delay is added. `false` delivers every event on its own.
   *
   * @default true
   */
  coalesce?: boolean | undefined;

  /**
   * Milliseconds to wait before reconnection attempt number `attempt`
   * (0, 1, 2, …) after PubNub disconnected unexpectedly. The newest
   * provider's applies. If it throws or returns no number from 0 to
   * 2147483647, `onError` gets a `callback` error and the default is used.
   *
   * @default exponential from 1 s to 30 s, with ±20 % jitter
   */
  reconnectDelay?: ((attempt: number) => number) | undefined;

  /**
   * Fetches a new Access Manager token when PubNub answers 403 (expired or
   * revoked token). The provider calls `pubnub.setToken(token)` and
   * reconnects. Without it, a 403 stops live updates: the connection state
   * becomes `error` and `onError` gets an `access-denied` error. If it throws,
   * rejects or returns no token, `onError` gets a `callback` error and it
   * counts as a refused token (three in a row stop). The newest provider's
   * applies. pubnub 8's event engine names a 403 only when the client has a
   * `retryConfiguration`.
   *
   * @default undefined
   * @example
   * getToken: () => fetch("/api/pubnub-token").then((r) => r.text())
   */
  getToken?: (() => string | Promise<string>) | undefined;

  /**
   * Called with the new {@link ConnectionState} on every change (also
   * available as `provider.connection`). Only the newest provider's on a
   * client is called. If it throws, `onError` gets a `callback` error and
   * nothing else changes.
   *
   * @default undefined
   */
  onConnectionStateChange?: ((state: ConnectionState) => void) | undefined;
}

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
}

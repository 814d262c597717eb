import type { LiveSession } from "./liveSession";
import type { ProviderSettings } from "./providerOptions";

/** What `@refinedev/pubnub/presence` needs of a provider. */
export interface ProviderInternals {
  readonly session: LiveSession;
  readonly settings: ProviderSettings;
  isDisposed(): boolean;
  /** Runs `hook` when the provider is disposed (before it lets go). */
  onDispose(hook: () => void): void;
}

// Kept here, not on the provider, so apps without presence do not ship
// presence, and presence does not import the provider.
const internals = new WeakMap<object, ProviderInternals>();

/** The session and settings behind a provider made by `liveProvider`. */
export function internalsOf(provider: object): ProviderInternals | undefined {
  return internals.get(provider);
}

export function setInternals(provider: object, value: ProviderInternals): void {
  internals.set(provider, value);
}

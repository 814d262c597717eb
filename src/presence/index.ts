import type { LiveSession } from "../liveSession";
import { internalsOf } from "../providerInternals";
import { PresenceRegistry } from "./presenceRegistry";
import type { PresenceClient } from "./presenceTypes";
import { type ProviderPresence, providerPresence } from "./providerPresence";

// Reported through the provider's `onError`; part of its `LiveError` union.
export { PresenceError } from "../errors/PresenceError";
export type { PresenceTarget } from "./presenceChannel";
export { toPresenceChannel } from "./presenceChannel";
export type { PresenceMember, PresenceState } from "./presenceTypes";
export type { PresenceHandle, ProviderPresence } from "./providerPresence";

const views = new WeakMap<object, ProviderPresence>();
const registries = new WeakMap<LiveSession, PresenceRegistry>();

/** The presence registry of a client's session, made on first use. */
function registryOf(session: LiveSession): PresenceRegistry {
  let registry = registries.get(session);
  if (registry === undefined) {
    const created = new PresenceRegistry(
      session.client as unknown as PresenceClient,
      {
        releaseDelay: session.newestSettings()?.releaseDelay ?? 1000,
        report: (error) => session.newestSettings()?.report(error as never),
      },
    );
    session.onRecovered(() => created.refresh());
    registries.set(session, created);
    registry = created;
  }
  return registry;
}

/**
 * The presence API of a provider made by `liveProvider()`: who is on a
 * record or a resource's list. In its own entry so that apps without
 * presence do not ship it.
 *
 * @throws {TypeError} for something that is not such a provider
 */
export function presenceOf(provider: object): ProviderPresence {
  let view = views.get(provider);
  if (view === undefined) {
    const internals = internalsOf(provider);
    if (internals === undefined) {
      throw new TypeError(
        process.env.NODE_ENV !== "production"
          ? "presenceOf(provider) needs a provider made by liveProvider() from @refinedev/pubnub."
          : "presenceOf(provider): not a live provider",
      );
    }
    const { session, settings } = internals;
    view = providerPresence(() => registryOf(session), settings, internals);
    views.set(provider, view);
  }
  return view;
}

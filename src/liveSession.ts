import type { LiveEvent } from "@refinedev/core";
import { ChannelRegistry, type Subscriber } from "./channelRegistry";
import {
  type ClientCallbacks,
  ConnectionMonitor,
} from "./connection/connectionMonitor";
import type {
  ConnectionState,
  ConnectionStore,
} from "./connection/connectionState";
import { CATCH_UP_DEFAULTS, ResyncPlanner } from "./connection/resyncPlanner";
import { CallbackError } from "./errors/CallbackError";
import type { ProviderSettings } from "./providerOptions";
import type { PubNubClient } from "./pubnubClient";

/** The event every subscriber gets when the connection is back. */
export function resyncEvent({
  channel,
  dataProviderName,
}: Subscriber): LiveEvent {
  return {
    channel,
    type: "*",
    payload: {},
    date: new Date(),
    meta:
      dataProviderName === undefined
        ? { resync: true }
        : { resync: true, dataProviderName },
  };
}

// Client-level callbacks when every provider of a session is gone.
const NO_PROVIDER: ClientCallbacks = {
  ...CATCH_UP_DEFAULTS,
  reconnectDelay: undefined,
  getToken: undefined,
  report() {},
};

/**
 * What belongs to a PubNub client rather than to one provider: its channel
 * subscriptions, its connection monitor (one status listener), its echo
 * identity and its error reports. Every `liveProvider(client)` is a view on
 * the one session of its client, so creating providers on every render
 * costs nothing and leaks nothing.
 */
export class LiveSession {
  /** Sent as PubNub `meta.sender` on every publish from this client. */
  readonly senderId: string =
    Math.random().toString(36).slice(2) + Date.now().toString(36);
  readonly #registry: ChannelRegistry;
  // The handles refine holds, of every provider on this client.
  readonly #handles = new WeakMap<object, Subscriber>();
  readonly #monitor: ConnectionMonitor;
  readonly #planner: ResyncPlanner;
  readonly #onClosed: () => void;
  readonly #recoveryHooks = new Set<() => void>();
  /** The PubNub client, for extensions such as presence. */
  readonly client: PubNubClient;
  // Newest last; weak, so providers created on every render can be collected.
  #providers: WeakRef<ProviderSettings>[] = [];
  readonly #closed = new WeakSet<ProviderSettings>();
  #openProviders = 0;
  /** Messages the SDK handed over this tick, on any channel. */
  #burst = 0;
  #tickScheduled = false;

  constructor(client: PubNubClient, onClosed: () => void) {
    this.client = client;
    this.#onClosed = onClosed;
    this.#registry = new ChannelRegistry(client, {
      senderId: this.senderId,
      report: (error) => this.#newest()?.report(error),
      arrived: () => this.#arrived(0),
    });
    const callbacks = () => this.#newest() ?? NO_PROVIDER;
    this.#planner = new ResyncPlanner(callbacks, () => this.#resync());
    this.#monitor = new ConnectionMonitor(client, {
      callbacks,
      onRecovered: (outage) => this.#recovered(outage),
      onMessage: () => this.#arrived(1),
    });
    this.#monitor.store.subscribe((state) => this.#tell(state));
  }

  /** The client's connection state, shared by its providers. */
  get connection(): ConnectionStore {
    return this.#monitor.store;
  }

  /** Runs `hook` each time the connection is back after it was lost. */
  onRecovered(hook: () => void): void {
    this.#recoveryHooks.add(hook);
  }

  /** The newest provider's `report` and `releaseDelay`, for extensions. */
  newestSettings(): ProviderSettings | undefined {
    return this.#newest();
  }

  /** Adds `subscriber`, released later through `handle`. */
  subscribe(handle: object, subscriber: Subscriber): void {
    this.#registry.add(subscriber);
    this.#handles.set(handle, subscriber);
    this.#monitor.subscribing();
  }

  /**
   * Removes the subscriber of `handle`. A handle of another client's
   * session, or one released already, does nothing.
   */
  unsubscribe(handle: object): void {
    const subscriber = this.#handles.get(handle);
    if (subscriber === undefined) return;
    this.#handles.delete(handle);
    this.#registry.remove(subscriber);
  }

  /** Makes `provider` the newest, whose client-level callbacks apply. */
  add(provider: ProviderSettings): void {
    this.#providers = this.#providers.filter((ref) => ref.deref());
    this.#providers.push(new WeakRef(provider));
    this.#openProviders++;
  }

  /** Releases what `provider`'s subscribers hold; the last one closes it. */
  close(provider: ProviderSettings): void {
    if (this.#closed.has(provider)) return;
    this.#registry.removeScope(provider);
    // The last one out tells its own onConnectionStateChange "disconnected".
    if (--this.#openProviders === 0) {
      this.#monitor.dispose();
      this.#planner.dispose();
      this.#onClosed();
    }
    this.#closed.add(provider);
  }

  #newest(): ProviderSettings | undefined {
    for (let index = this.#providers.length - 1; index >= 0; index--) {
      const provider = this.#providers[index]?.deref();
      if (provider && !this.#closed.has(provider)) return provider;
    }
    return undefined;
  }

  #recovered(outage: number): void {
    for (const hook of this.#recoveryHooks) hook();
    this.#planner.recovered(outage);
  }

  #resync(): void {
    this.#registry.resync(resyncEvent);
  }

  /**
   * Counts a message (`count` 1 from the client-level listener, 0 from a
   * live channel, which the client-level one also sees on pubnub 8 to 12)
   * and delivers the tick's live messages at its end.
   */
  #arrived(count: number): void {
    this.#burst += count;
    if (this.#tickScheduled) return;
    this.#tickScheduled = true;
    queueMicrotask(() => {
      const burst = Math.max(this.#burst, this.#registry.arrivedCount());
      this.#burst = 0;
      this.#tickScheduled = false;
      this.#registry.dispatchArrived(this.#planner.burst(burst));
    });
  }

  #tell(state: ConnectionState): void {
    const provider = this.#newest();
    try {
      provider?.onConnectionStateChange?.(state);
    } catch (cause) {
      const reason = "onConnectionStateChange";
      provider?.report(new CallbackError({ reason, cause }));
    }
  }
}

const sessions = new WeakMap<PubNubClient, LiveSession>();

/** The session of `client`, opened on first use; `provider` becomes its newest. */
export function sessionFor(
  client: PubNubClient,
  provider: ProviderSettings,
): LiveSession {
  let session = sessions.get(client);
  if (session === undefined) {
    session = new LiveSession(client, () => sessions.delete(client));
    sessions.set(client, session);
  }
  session.add(provider);
  return session;
}

import type { LiveEvent } from "@refinedev/core";
import {
  type ChannelRegistry,
  createChannelRegistry,
  deliver,
  type Subscriber,
} from "./channelRegistry";
import { monitorConnection } from "./connectionMonitor";
import type { ConnectionStore } from "./connectionState";
import { CallbackError } from "./errors/CallbackError";
import { matchesFilter } from "./eventFilter";
import type { ProviderSettings } from "./providerOptions";
import type { PubNubClient } from "./pubnubClient";

/**
 * What belongs to a PubNub client rather than to one provider: its channel
 * subscriptions, its connection monitor (one status listener), its echo
 * identity and its error reports. Every `liveProvider(client)` is a view on
 * the one session of its client, so creating providers on every render
 * costs nothing and leaks nothing.
 */
export interface LiveSession {
  /** Sent as PubNub `meta.sender` on every publish from this client. */
  readonly senderId: string;
  readonly registry: ChannelRegistry;
  readonly connection: ConnectionStore;
  /** A subscriber is being added: the SDK is about to connect. */
  subscribing(): void;
  /** Releases what `provider`'s subscribers hold; the last one closes it. */
  close(provider: ProviderSettings): void;
}

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

const sessions = new WeakMap<PubNubClient, ReturnType<typeof openSession>>();

/** The session of `client`, opened on first use; `provider` becomes its newest. */
export function sessionFor(
  client: PubNubClient,
  provider: ProviderSettings,
): LiveSession {
  let session = sessions.get(client);
  if (session === undefined) {
    session = openSession(client, () => sessions.delete(client));
    sessions.set(client, session);
  }
  session.add(provider);
  return session;
}

function openSession(client: PubNubClient, onClosed: () => void) {
  // Newest last; weak, so providers created on every render can be collected.
  let providers: WeakRef<ProviderSettings>[] = [];
  const closed = new WeakSet<ProviderSettings>();
  let open = 0;
  const newest = (): ProviderSettings | undefined => {
    for (let index = providers.length - 1; index >= 0; index--) {
      const provider = providers[index]?.deref();
      if (provider !== undefined && !closed.has(provider)) return provider;
    }
    return undefined;
  };
  const report = (error: Parameters<ProviderSettings["report"]>[0]) =>
    newest()?.report(error);

  const senderId =
    Math.random().toString(36).slice(2) + Date.now().toString(36);
  const registry = createChannelRegistry(client, { senderId, report });
  const monitor = monitorConnection(client, {
    callbacks: () =>
      newest() ?? {
        reconnectDelay: undefined,
        getToken: undefined,
        report() {},
      },
    onRecovered() {
      for (const subscriber of registry.subscribers()) {
        const event = resyncEvent(subscriber);
        if (
          subscriber.scope.resync &&
          matchesFilter(subscriber.filter, event)
        ) {
          deliver(subscriber, event);
        }
      }
    },
  });
  monitor.store.subscribe((state) => {
    const provider = newest();
    try {
      provider?.onConnectionStateChange?.(state);
    } catch (cause) {
      provider?.report(
        new CallbackError({ callback: "onConnectionStateChange", cause }),
      );
    }
  });

  return {
    senderId,
    registry,
    connection: monitor.store,
    subscribing: monitor.subscribing,
    add(provider: ProviderSettings) {
      providers = providers.filter((ref) => ref.deref() !== undefined);
      providers.push(new WeakRef(provider));
      open++;
    },
    close(provider: ProviderSettings) {
      if (closed.has(provider)) return;
      for (const subscriber of registry.subscribers()) {
        if (subscriber.scope === provider) registry.remove(subscriber, "now");
      }
      registry.releaseIdle(provider);
      // The last one out tells its own onConnectionStateChange "disconnected".
      if (--open === 0) {
        monitor.dispose();
        onClosed();
      }
      closed.add(provider);
    },
  };
}

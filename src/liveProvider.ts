import type { LiveEvent, LiveProvider } from "@refinedev/core";
import { assertNamespace, toPubNubChannel } from "./channelName";
import {
  deliver,
  registryFor,
  type Subscriber,
  type SubscriberOwner,
} from "./channelRegistry";
import { ConnectionMonitor, defaultReconnectDelay } from "./connectionMonitor";
import type { ConnectionStore } from "./connectionState";
import { PublishError } from "./errors/PublishError";
import { isPubNubLiveError, PubNubLiveError } from "./errors/PubNubLiveError";
import { SubscribeError } from "./errors/SubscribeError";
import { typeFilter, watchedIds } from "./eventFilter";
import { preparePublish } from "./preparePublish";
import type { PubNubClient } from "./pubnubClient";
import type { LiveProviderOptions } from "./types";

type SubscribeOptions = Parameters<LiveProvider["subscribe"]>[0];

/**
 * The handle `subscribe` returns. refine passes it back to `unsubscribe`;
 * every call returns a new one, so two hooks on one channel never mix up.
 */
export interface LiveSubscription {
  /** The refine channel, e.g. `resources/posts`. */
  readonly channel: string;
}

/** A refine `LiveProvider` backed by PubNub. */
export interface PubNubLiveProvider extends LiveProvider {
  subscribe(options: SubscribeOptions): LiveSubscription;
  unsubscribe(subscription: LiveSubscription): void;
  publish(event: LiveEvent): void;
  /** The connection state, to show "Live" or "Reconnecting…". */
  readonly connection: ConnectionStore;
  /**
   * Releases every channel, listener and timer this provider holds. The
   * PubNub client itself is left as it is. Later calls report a
   * `disposed` error and do nothing.
   */
  dispose(): void;
}

const DEFAULT_RELEASE_DELAY = 1000;

function defaultOnError(error: PubNubLiveError): void {
  console.error(`[@refinedev/pubnub] ${error.message}`, error);
}

function createInstanceId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

function assertClient(pubnub: unknown): asserts pubnub is PubNubClient {
  const client = pubnub as Partial<PubNubClient> | null | undefined;
  if (
    typeof client?.channel !== "function" ||
    typeof client.publish !== "function" ||
    typeof client.addListener !== "function"
  ) {
    throw new TypeError(
      "liveProvider(pubnub) needs a PubNub client: pass `new PubNub({ subscribeKey, publishKey, userId })` from the `pubnub` package (version 12 or later), or a MemoryPubNub from `@refinedev/pubnub/testing` in tests.",
    );
  }
}

/**
 * Creates a refine live provider on a PubNub client.
 *
 * @example
 * const pubnub = new PubNub({ publishKey, subscribeKey, userId });
 * <Refine liveProvider={liveProvider(pubnub)} options={{ liveMode: "auto" }} />
 */
export function liveProvider(
  pubnub: PubNubClient,
  options: LiveProviderOptions = {},
): PubNubLiveProvider {
  assertClient(pubnub);
  const {
    namespace,
    ignoreOwnEvents = true,
    resync = true,
    onError = defaultOnError,
    onConnectionStateChange,
  } = options;
  const releaseDelay = options.releaseDelay ?? DEFAULT_RELEASE_DELAY;
  if (!(releaseDelay >= 0 && releaseDelay <= 2 ** 31 - 1)) {
    throw new RangeError(
      `liveProvider: releaseDelay must be a number of milliseconds from 0 to 2147483647, got ${releaseDelay}.`,
    );
  }
  if (namespace !== undefined) assertNamespace(namespace);

  const registry = registryFor(pubnub);
  const registrations = new Map<
    LiveSubscription,
    { pubnubChannel: string; subscriber: Subscriber }
  >();
  const report = (error: unknown, channel?: string): void => {
    const liveError = isPubNubLiveError(error)
      ? error
      : new SubscribeError(channel, "unexpected failure", error);
    try {
      onError(liveError);
    } catch {
      // An onError that throws must not break refine either.
    }
  };
  const owner: SubscriberOwner = {
    id: createInstanceId(),
    ignoreOwnEvents,
    report,
  };
  const monitor = new ConnectionMonitor(pubnub, {
    reconnectDelay: options.reconnectDelay ?? defaultReconnectDelay,
    getToken: options.getToken,
    report,
    onRecovered() {
      if (!resync) return;
      for (const subscriber of registry.subscribersOf(owner)) {
        const meta: Record<string, unknown> = { resync: true };
        if (subscriber.dataProviderName !== undefined) {
          meta.dataProviderName = subscriber.dataProviderName;
        }
        deliver(subscriber, {
          channel: subscriber.channel,
          type: "*",
          payload: {},
          date: new Date(),
          meta,
        });
      }
    },
  });
  if (onConnectionStateChange) monitor.store.subscribe(onConnectionStateChange);
  let disposed = false;
  const assertLive = (channel?: string) => {
    if (disposed) {
      throw new PubNubLiveError(
        "disposed",
        "This live provider was disposed; create a new one with liveProvider().",
        { channel },
      );
    }
  };

  return {
    connection: monitor.store,

    subscribe(subscribeOptions) {
      const { channel, types, callback, params, meta } = subscribeOptions ?? {};
      const handle: LiveSubscription = Object.freeze({ channel });
      try {
        assertLive(channel);
        if (typeof callback !== "function") {
          throw new SubscribeError(channel, "the callback is not a function");
        }
        const pubnubChannel = toPubNubChannel(channel, namespace);
        const subscriber: Subscriber = {
          channel,
          dataProviderName: meta?.dataProviderName,
          filter: {
            types: typeFilter(types),
            ids: watchedIds(params),
          },
          callback,
          owner,
        };
        monitor.subscribing();
        registry.add(pubnubChannel, subscriber);
        registrations.set(handle, { pubnubChannel, subscriber });
      } catch (error) {
        report(
          error instanceof PubNubLiveError
            ? error
            : new SubscribeError(
                channel,
                "the PubNub SDK refused the subscription",
                error,
              ),
          channel,
        );
      }
      return handle;
    },

    unsubscribe(handle) {
      const registration = registrations.get(handle);
      if (registration === undefined) return;
      registrations.delete(handle);
      registry.remove(
        registration.pubnubChannel,
        registration.subscriber,
        releaseDelay,
      );
    },

    publish(event) {
      const channel = event?.channel;
      try {
        assertLive(channel);
        const meta = { sender: owner.id };
        const prepared = preparePublish(event, namespace, meta);
        Promise.resolve(pubnub.publish({ ...prepared, meta })).catch(
          (cause: unknown) => report(new PublishError(channel, cause)),
        );
      } catch (error) {
        report(
          isPubNubLiveError(error) ? error : new PublishError(channel, error),
        );
      }
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const [handle, { pubnubChannel, subscriber }] of registrations) {
        registrations.delete(handle);
        registry.remove(pubnubChannel, subscriber, "now");
      }
      registry.releaseIdle(owner);
      monitor.dispose();
    },
  };
}

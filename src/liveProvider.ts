import type { LiveEvent, LiveProvider } from "@refinedev/core";
import { assertNamespace, toPubNubChannel } from "./channelName";
import {
  deliver,
  registryFor,
  type Subscriber,
  type SubscriberOwner,
} from "./channelRegistry";
import { defaultReconnectDelay, monitorConnection } from "./connectionMonitor";
import type { ConnectionStore } from "./connectionState";
import { PublishError } from "./errors/PublishError";
import {
  describeCause,
  isPubNubLiveError,
  PubNubLiveError,
} from "./errors/PubNubLiveError";
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

function defaultOnError(error: PubNubLiveError): void {
  console.error(`[@refinedev/pubnub] ${error.message}`, error);
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
  const {
    namespace,
    ignoreOwnEvents = true,
    releaseDelay = 1000,
    resync = true,
    onError = defaultOnError,
    onConnectionStateChange,
  } = options;
  const methods = ["channel", "publish", "addListener"] as const;
  if (methods.some((method) => typeof pubnub?.[method] !== "function")) {
    throw new TypeError(
      "liveProvider(pubnub) needs a PubNub client: `new PubNub({ subscribeKey, publishKey, userId })` from pubnub 8 to 12, or a MemoryPubNub from @refinedev/pubnub/testing in tests.",
    );
  }
  if (
    !(
      Number.isFinite(releaseDelay) &&
      releaseDelay >= 0 &&
      releaseDelay < 2 ** 31
    )
  ) {
    throw new RangeError(
      `liveProvider: releaseDelay must be 0 to 2147483647 milliseconds, got ${describeCause(releaseDelay)}.`,
    );
  }
  if (namespace !== undefined) assertNamespace(namespace);

  const registry = registryFor(pubnub);
  const registrations = new Map<
    LiveSubscription,
    { pubnubChannel: string; subscriber: Subscriber }
  >();
  const report = (error: PubNubLiveError): void => {
    try {
      onError(error);
    } catch {
      // An onError that throws must not break refine either.
    }
  };
  const owner: SubscriberOwner = {
    id: Math.random().toString(36).slice(2) + Date.now().toString(36),
    ignoreOwnEvents,
    report,
  };
  const monitor = monitorConnection(pubnub, {
    reconnectDelay: options.reconnectDelay ?? defaultReconnectDelay,
    getToken: options.getToken,
    report,
    onRecovered() {
      if (!resync) return;
      for (const subscriber of registry.subscribersOf(owner)) {
        const { channel, dataProviderName } = subscriber;
        deliver(subscriber, {
          channel,
          type: "*",
          payload: {},
          date: new Date(),
          meta:
            dataProviderName === undefined
              ? { resync: true }
              : { resync: true, dataProviderName },
        });
      }
    },
  });
  if (onConnectionStateChange) monitor.store.subscribe(onConnectionStateChange);
  let disposed = false;
  // Runs one refine call: failures go to onError, never back into refine.
  const guard = (
    channel: string | undefined,
    wrap: (cause: unknown) => PubNubLiveError,
    run: () => void,
  ): void => {
    try {
      if (disposed) {
        throw new PubNubLiveError(
          "disposed",
          "This live provider was disposed; create a new one with liveProvider().",
          { channel },
        );
      }
      run();
    } catch (error) {
      report(isPubNubLiveError(error) ? error : wrap(error));
    }
  };

  return {
    connection: monitor.store,

    subscribe(subscribeOptions) {
      const { channel, types, callback, params, meta } = subscribeOptions ?? {};
      const handle: LiveSubscription = Object.freeze({ channel });
      guard(
        channel,
        (cause) =>
          new SubscribeError(
            channel,
            "the PubNub SDK refused the subscription",
            cause,
          ),
        () => {
          const pubnubChannel = toPubNubChannel(channel, namespace);
          if (typeof callback !== "function") {
            throw new SubscribeError(channel, "the callback is not a function");
          }
          const subscriber: Subscriber = {
            channel,
            dataProviderName: meta?.dataProviderName,
            filter: { types: typeFilter(types), ids: watchedIds(params) },
            callback,
            owner,
            removed: false,
          };
          monitor.subscribing();
          registry.add(pubnubChannel, subscriber);
          registrations.set(handle, { pubnubChannel, subscriber });
        },
      );
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
      const failed = (cause: unknown) => new PublishError(channel, cause);
      guard(channel, failed, () => {
        const meta = { sender: owner.id };
        const prepared = preparePublish(event, namespace, meta);
        Promise.resolve(pubnub.publish({ ...prepared, meta })).catch((cause) =>
          report(failed(cause)),
        );
      });
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

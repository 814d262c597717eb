import type { LiveEvent, LiveProvider } from "@refinedev/core";
import { toPubNubChannel } from "./channelName";
import type { Subscriber } from "./channelRegistry";
import type { ConnectionStore } from "./connection/connectionState";
import { DisposedError } from "./errors/DisposedError";
import type { LiveError } from "./errors/LiveError";
import { lacksPublishKey, PublishError } from "./errors/PublishError";
import { isPubNubLiveError } from "./errors/PubNubLiveError";
import { SubscribeError } from "./errors/SubscribeError";
import { typeFilter, watchedIds } from "./eventFilter";
import { sessionFor } from "./liveSession";
import { preparePublish } from "./preparePublish";
import { setInternals } from "./providerInternals";
import {
  type ProviderSettings,
  resolveProviderOptions,
} from "./providerOptions";
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
  /**
   * Also takes handles from other providers on the same client; ignores
   * handles of other clients, and handles it has released already.
   */
  unsubscribe(subscription: LiveSubscription): void;
  /**
   * Publishes refine's event, unless the backend publishes (`publishFrom`,
   * or a client without a `publishKey`).
   */
  publish(event: LiveEvent): void;
  /**
   * This client's echo identity, sent as PubNub `meta.sender` with its
   * publishes. A backend that publishes the change a browser asked for can
   * pass it as `publishLiveEvent`'s `sender`, so that browser ignores its
   * own change as it would its own publish (`ignoreOwnEvents`).
   */
  readonly senderId: string;
  /** The client's connection state, to show "Live" or "Reconnecting…". */
  readonly connection: ConnectionStore;
  /**
   * Releases the channels this provider's subscribers hold, and leaves the
   * presence it entered and stops its watchers (`presenceOf`) at once;
   * other providers on the same client keep theirs. The last provider of a
   * client to be disposed also removes the status listener. The PubNub client itself is
   * left as it is. Later calls report a `disposed` error and do nothing.
   */
  dispose(): void;
}

/**
 * The subscriber for refine's subscribe options.
 *
 * @throws {ChannelNameError} for a channel that cannot be mapped
 * @throws {SubscribeError} without a callback
 */
function subscriberFor(
  { channel, types, callback, params, meta }: SubscribeOptions,
  settings: ProviderSettings,
): Subscriber {
  const pubnubChannel = toPubNubChannel(channel, settings.namespace);
  if (typeof callback !== "function") {
    throw new SubscribeError({ reason: "no-callback", channel });
  }
  return {
    channel,
    pubnubChannel,
    dataProviderName: meta?.dataProviderName,
    filter: { types: typeFilter(types), ids: watchedIds(params) },
    callback,
    scope: settings,
    removed: false,
  };
}

/** What a failed refine call reports: its own error, or the SDK's wrapped. */
function failure(
  operation: "subscribe" | "publish",
  channel: string | undefined,
  error: unknown,
): LiveError {
  if (isPubNubLiveError(error)) return error as LiveError;
  return operation === "subscribe"
    ? new SubscribeError({ reason: "sdk-refused", channel, cause: error })
    : new PublishError({ reason: "refused", channel, cause: error });
}

/**
 * Creates a refine live provider on a PubNub client. Cheap: every provider
 * on one client shares its subscriptions, connection and echo identity, so
 * creating one on every render is fine.
 *
 * @example
 * const pubnub = new PubNub({ publishKey, subscribeKey, userId });
 * <Refine liveProvider={liveProvider(pubnub)} options={{ liveMode: "auto" }} />
 */
export function liveProvider(
  pubnub: PubNubClient,
  options: LiveProviderOptions = {},
): PubNubLiveProvider {
  const settings = resolveProviderOptions(pubnub, options);
  const session = sessionFor(pubnub, settings);
  const disposeHooks: (() => void)[] = [];
  let disposed = false;

  // Runs one refine call: failures go to onError, never back into refine.
  const attempt = (
    operation: "subscribe" | "publish",
    channel: string | undefined,
    run: () => void,
  ): void => {
    try {
      if (disposed) throw new DisposedError({ reason: operation, channel });
      run();
    } catch (error) {
      settings.report(failure(operation, channel, error));
    }
  };

  const provider: PubNubLiveProvider = {
    connection: session.connection,
    senderId: session.senderId,

    subscribe(subscribeOptions) {
      const channel = subscribeOptions?.channel;
      const handle: LiveSubscription = Object.freeze({ channel });
      attempt("subscribe", channel, () => {
        const subscriber = subscriberFor(
          subscribeOptions ?? ({} as SubscribeOptions),
          settings,
        );
        session.subscribe(handle, subscriber);
      });
      return handle;
    },

    unsubscribe(handle) {
      session.unsubscribe(handle);
    },

    publish(event) {
      const channel = event?.channel;
      attempt("publish", channel, () => {
        if (settings.backendPublishes) return;
        const meta = { sender: session.senderId };
        const prepared = preparePublish(event, settings.namespace, meta);
        Promise.resolve(pubnub.publish({ ...prepared, meta })).catch(
          (cause: unknown) => {
            // A subscribe-only client: its backend publishes.
            if (lacksPublishKey(cause)) return;
            settings.report(
              new PublishError({ reason: "refused", channel, cause }),
            );
          },
        );
      });
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const hook of disposeHooks) hook();
      session.close(settings);
    },
  };
  setInternals(provider, {
    session,
    settings,
    isDisposed: () => disposed,
    onDispose: (hook) => disposeHooks.push(hook),
  });
  return provider;
}

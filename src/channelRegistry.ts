import type { LiveEvent } from "@refinedev/core";
import type { PubNubLiveError } from "./errors/PubNubLiveError";
import { SubscribeError } from "./errors/SubscribeError";
import { SubscriberCallbackError } from "./errors/SubscriberCallbackError";
import { type EventFilter, matchesFilter } from "./eventFilter";
import type {
  PubNubClient,
  PubNubMessageEvent,
  PubNubSubscription,
} from "./pubnubClient";
import { decodeLiveMessage } from "./wireFormat";

/** The provider instance a subscriber belongs to. */
export interface SubscriberOwner {
  /** Sent as PubNub `meta.sender` on this instance's publishes. */
  readonly id: string;
  readonly ignoreOwnEvents: boolean;
  report(error: PubNubLiveError): void;
}

export interface Subscriber {
  readonly channel: string;
  /** From refine's subscribe `meta`; repeated on resync events. */
  readonly dataProviderName?: string | undefined;
  readonly filter: EventFilter;
  readonly callback: (event: LiveEvent) => void;
  readonly owner: SubscriberOwner;
  /** Set once it left, so a dispatch under way skips it (cheaper than a lookup). */
  removed: boolean;
}

interface ChannelEntry {
  readonly subscription: PubNubSubscription;
  readonly subscribers: Set<Subscriber>;
  releaseTimer?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * One SDK subscription per PubNub channel, shared by every refine subscriber
 * of every provider on the same client. pubnub 12 leaks a channel when two of
 * its Subscription objects share it, so subscribers are counted here, and the
 * SDK subscription is released only when the last one has been gone for
 * `releaseDelay` ms (absorbing React StrictMode's unmount/mount).
 */
export interface ChannelRegistry {
  add(pubnubChannel: string, subscriber: Subscriber): void;
  /**
   * Removes a subscriber; the channel is released `releaseDelay` ms after
   * its last subscriber left, or at once with `"now"`.
   */
  remove(
    pubnubChannel: string,
    subscriber: Subscriber,
    releaseDelay: number | "now",
  ): void;
  /** Releases at once every channel that only waits for its release delay. */
  releaseIdle(owner: SubscriberOwner): void;
  /** Every subscriber of `owner`, on every channel. */
  subscribersOf(owner: SubscriberOwner): Subscriber[];
}

function createChannelRegistry(client: PubNubClient): ChannelRegistry {
  const entries = new Map<string, ChannelEntry>();

  const release = (
    pubnubChannel: string,
    entry: ChannelEntry,
    owner: SubscriberOwner,
  ): void => {
    if (entry.subscribers.size > 0) return;
    clearTimeout(entry.releaseTimer);
    entries.delete(pubnubChannel);
    try {
      entry.subscription.unsubscribe();
    } catch (cause) {
      owner.report(
        new SubscribeError(
          undefined,
          `PubNub failed to unsubscribe from ${pubnubChannel}`,
          cause,
        ),
      );
    }
  };

  const dispatch = (entry: ChannelEntry, message: PubNubMessageEvent) => {
    const subscribers = [...entry.subscribers];
    const first = subscribers[0];
    if (first === undefined) return;
    let event: LiveEvent;
    try {
      event = decodeLiveMessage(
        message.message,
        first.channel,
        String(message.timetoken),
      );
    } catch (error) {
      for (const owner of new Set(subscribers.map(({ owner }) => owner))) {
        owner.report(error as PubNubLiveError);
      }
      return;
    }
    const sender = Object(message.userMetadata).sender;
    for (const subscriber of subscribers) {
      const { owner } = subscriber;
      if (
        !subscriber.removed &&
        !(owner.ignoreOwnEvents && sender === owner.id) &&
        matchesFilter(subscriber.filter, event)
      ) {
        deliver(
          subscriber,
          subscriber.channel === event.channel
            ? event
            : { ...event, channel: subscriber.channel },
        );
      }
    }
  };

  return {
    add(pubnubChannel, subscriber) {
      let entry = entries.get(pubnubChannel);
      if (entry === undefined) {
        const subscription = client.channel(pubnubChannel).subscription();
        const opened: ChannelEntry = { subscription, subscribers: new Set() };
        subscription.addListener({
          message: (message) => dispatch(opened, message),
        });
        subscription.subscribe();
        entries.set(pubnubChannel, opened);
        entry = opened;
      }
      clearTimeout(entry.releaseTimer);
      entry.subscribers.add(subscriber);
    },

    remove(pubnubChannel, subscriber, releaseDelay) {
      const entry = entries.get(pubnubChannel);
      if (!entry?.subscribers.delete(subscriber)) return;
      subscriber.removed = true;
      if (entry.subscribers.size > 0) return;
      clearTimeout(entry.releaseTimer);
      const releaseNow = () => release(pubnubChannel, entry, subscriber.owner);
      if (releaseDelay === "now") releaseNow();
      else entry.releaseTimer = setTimeout(releaseNow, releaseDelay);
    },

    releaseIdle(owner) {
      for (const [pubnubChannel, entry] of entries) {
        release(pubnubChannel, entry, owner);
      }
    },

    subscribersOf(owner) {
      return [...entries.values()].flatMap(({ subscribers }) =>
        [...subscribers].filter((subscriber) => subscriber.owner === owner),
      );
    },
  };
}

/** Calls a subscriber; a throwing callback is reported, not propagated. */
export function deliver(subscriber: Subscriber, event: LiveEvent): void {
  try {
    subscriber.callback(event);
  } catch (cause) {
    subscriber.owner.report(
      new SubscriberCallbackError(subscriber.channel, cause),
    );
  }
}

const registries = new WeakMap<PubNubClient, ChannelRegistry>();

/** The registry shared by every provider built on this client. */
export function registryFor(client: PubNubClient): ChannelRegistry {
  let registry = registries.get(client);
  if (registry === undefined) {
    registry = createChannelRegistry(client);
    registries.set(client, registry);
  }
  return registry;
}

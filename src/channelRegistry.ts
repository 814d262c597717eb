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

/** What a subscriber takes from the provider it subscribed through. */
export interface ProviderScope {
  readonly ignoreOwnEvents: boolean;
  readonly releaseDelay: number;
  readonly resync: boolean;
  /** Its `onError`, guarded. */
  report(error: PubNubLiveError): void;
}

export interface Subscriber {
  /** The refine channel, e.g. `resources/posts`. */
  readonly channel: string;
  readonly pubnubChannel: string;
  /** From refine's subscribe `meta`; repeated on resync events. */
  readonly dataProviderName?: string | undefined;
  readonly filter: EventFilter;
  readonly callback: (event: LiveEvent) => void;
  readonly scope: ProviderScope;
  /** Set once it left, so a dispatch under way skips it (cheaper than a lookup). */
  removed: boolean;
}

interface ChannelEntry {
  readonly subscription: PubNubSubscription;
  readonly subscribers: Set<Subscriber>;
  releaseTimer?: ReturnType<typeof setTimeout> | undefined;
  /** The subscriber whose leaving started the release delay. */
  lastToLeave?: Subscriber | undefined;
}

export interface ChannelRegistryOptions {
  /** The client's echo identity, sent as PubNub `meta.sender`. */
  readonly senderId: string;
  /** For messages that are not live events (once, not per subscriber). */
  report(error: PubNubLiveError): void;
}

/**
 * One SDK subscription per PubNub channel, shared by every refine subscriber
 * of every provider on the same client. pubnub 12 leaks a channel when two of
 * its Subscription objects share it, so subscribers are counted here, and the
 * SDK subscription is released only when the last one has been gone for its
 * provider's `releaseDelay` (absorbing React StrictMode's unmount/mount).
 */
export interface ChannelRegistry {
  add(subscriber: Subscriber): void;
  /** Removes a subscriber; with `"now"` its channel is released at once. */
  remove(subscriber: Subscriber, when?: "now"): void;
  /** Releases the channels whose release delay `scope` started. */
  releaseIdle(scope: ProviderScope): void;
  /** Every subscriber, on every channel. */
  subscribers(): Subscriber[];
}

export function createChannelRegistry(
  client: PubNubClient,
  { senderId, report }: ChannelRegistryOptions,
): ChannelRegistry {
  const entries = new Map<string, ChannelEntry>();

  const release = (pubnubChannel: string, entry: ChannelEntry): void => {
    if (entry.subscribers.size > 0) return;
    clearTimeout(entry.releaseTimer);
    entries.delete(pubnubChannel);
    try {
      entry.subscription.unsubscribe();
    } catch (cause) {
      entry.lastToLeave?.scope.report(
        new SubscribeError({
          channel: entry.lastToLeave.channel,
          problem: "unsubscribe-failed",
          pubnubChannel,
          cause,
        }),
      );
    }
  };

  const dispatch = (entry: ChannelEntry, message: PubNubMessageEvent) => {
    const subscribers = [...entry.subscribers];
    const first = subscribers[0];
    if (first === undefined) return;
    let event: LiveEvent;
    try {
      const timetoken = String(message.timetoken);
      event = decodeLiveMessage(message.message, first.channel, timetoken);
    } catch (error) {
      return report(error as PubNubLiveError);
    }
    const own = Object(message.userMetadata).sender === senderId;
    for (const subscriber of subscribers) {
      if (
        !subscriber.removed &&
        !(own && subscriber.scope.ignoreOwnEvents) &&
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

  const open = (pubnubChannel: string): ChannelEntry => {
    const subscription = client.channel(pubnubChannel).subscription();
    const entry: ChannelEntry = { subscription, subscribers: new Set() };
    subscription.addListener({
      message: (message) => dispatch(entry, message),
    });
    subscription.subscribe();
    entries.set(pubnubChannel, entry);
    return entry;
  };

  return {
    add(subscriber) {
      const { pubnubChannel } = subscriber;
      const entry = entries.get(pubnubChannel) ?? open(pubnubChannel);
      clearTimeout(entry.releaseTimer);
      entry.subscribers.add(subscriber);
    },

    remove(subscriber, when) {
      const { pubnubChannel, scope } = subscriber;
      const entry = entries.get(pubnubChannel);
      if (!entry?.subscribers.delete(subscriber)) return;
      subscriber.removed = true;
      if (entry.subscribers.size > 0) return;
      clearTimeout(entry.releaseTimer);
      entry.lastToLeave = subscriber;
      const releaseNow = () => release(pubnubChannel, entry);
      if (when === "now") releaseNow();
      else entry.releaseTimer = setTimeout(releaseNow, scope.releaseDelay);
    },

    releaseIdle(scope) {
      for (const [pubnubChannel, entry] of entries) {
        if (entry.lastToLeave?.scope === scope) release(pubnubChannel, entry);
      }
    },

    subscribers() {
      return [...entries.values()].flatMap(({ subscribers }) => [
        ...subscribers,
      ]);
    },
  };
}

/** Calls a subscriber; a throwing callback is reported, not propagated. */
export function deliver(subscriber: Subscriber, event: LiveEvent): void {
  try {
    subscriber.callback(event);
  } catch (cause) {
    subscriber.scope.report(
      new SubscriberCallbackError(subscriber.channel, cause),
    );
  }
}

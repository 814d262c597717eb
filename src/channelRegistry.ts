import type { LiveEvent } from "@refinedev/core";
import { coalesceEvents } from "./coalesceEvents";
import { CallbackError } from "./errors/CallbackError";
import type { LiveError } from "./errors/LiveError";
import { SubscribeError } from "./errors/SubscribeError";
import { type EventFilter, matchesFilter } from "./eventFilter";
import { HeldResource } from "./heldResource";
import { deliverLiveEvent } from "./liveDispatch";
import type {
  PubNubClient,
  PubNubMessageEvent,
  PubNubSubscription,
} from "./pubnubClient";
import { isNewerTimetoken } from "./timetoken";
import { decodeLiveMessage } from "./wireFormat";

/** What a subscriber takes from the provider it subscribed through. */
export interface ProviderScope {
  readonly ignoreOwnEvents: boolean;
  readonly releaseDelay: number;
  readonly resync: boolean;
  /** Whether events that arrive together merge (see `coalesceEvents`). */
  readonly coalesce: boolean;
  /** Its `onError`, guarded. */
  report(error: LiveError): void;
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
  /** Its subscribers; the subscription goes when the last has gone. */
  readonly held: HeldResource<Subscriber>;
  /** Messages of this tick, delivered together at its end. */
  readonly arrived: PubNubMessageEvent[];
  /**
   * The newest timetoken delivered: PubNub hands over a channel's messages
   * in timetoken order, so one not newer is one the SDK handed over twice.
   */
  newest: string;
  /** The subscriber whose leaving started the release delay. */
  lastToLeave?: Subscriber | undefined;
}

export interface ChannelRegistryOptions {
  /** The client's echo identity, sent as PubNub `meta.sender`. */
  readonly senderId: string;
  /** For messages that are not live events (once, not per subscriber). */
  report(error: LiveError): void;
  /**
   * A message arrived. The registry holds it until {@link
   * ChannelRegistry.dispatchArrived}, which the session calls at the end of
   * the tick: the SDK hands over the messages of one long-poll response one
   * after another, synchronously.
   */
  arrived(): void;
}

/**
 * One SDK subscription per PubNub channel, shared by every refine subscriber
 * of every provider on the same client. pubnub 12 leaks a channel when two of
 * its Subscription objects share it, so subscribers are counted here, and the
 * SDK subscription is released only when the last one has been gone for its
 * provider's `releaseDelay` (absorbing React StrictMode's unmount/mount).
 */
export class ChannelRegistry {
  readonly #client: PubNubClient;
  readonly #options: ChannelRegistryOptions;
  readonly #entries = new Map<string, ChannelEntry>();

  constructor(client: PubNubClient, options: ChannelRegistryOptions) {
    this.#client = client;
    this.#options = options;
  }

  add(subscriber: Subscriber): void {
    const { pubnubChannel } = subscriber;
    const entry = this.#entries.get(pubnubChannel) ?? this.#open(pubnubChannel);
    entry.held.hold(subscriber);
  }

  /** Removes a subscriber; with `"now"` its channel is released at once. */
  remove(subscriber: Subscriber, when?: "now"): void {
    const entry = this.#entries.get(subscriber.pubnubChannel);
    if (!entry?.held.holders.has(subscriber)) return;
    subscriber.removed = true;
    entry.lastToLeave = subscriber;
    entry.held.letGo(subscriber, when ?? subscriber.scope.releaseDelay);
  }

  /**
   * Removes the subscribers of `scope` (a disposed provider) and releases,
   * at once, the channels they or their release delays hold.
   */
  removeScope(scope: ProviderScope): void {
    for (const subscriber of this.subscribers()) {
      if (subscriber.scope === scope) this.remove(subscriber, "now");
    }
    this.#releaseIdle(scope);
  }

  /** Releases the channels whose release delay `scope` started. */
  #releaseIdle(scope: ProviderScope): void {
    for (const entry of this.#entries.values()) {
      if (entry.lastToLeave?.scope === scope) entry.held.releaseNow();
    }
  }

  /**
   * Hands every subscriber whose provider wants resyncs the event
   * `eventFor` makes for it, through the same delivery as messages.
   */
  resync(eventFor: (subscriber: Subscriber) => LiveEvent): void {
    for (const subscriber of this.subscribers()) {
      if (!subscriber.scope.resync) continue;
      deliverAll(subscriber, [{ event: eventFor(subscriber), own: false }]);
    }
  }

  /** Messages held since the last {@link dispatchArrived}. */
  arrivedCount(): number {
    let count = 0;
    for (const { arrived } of this.#entries.values()) count += arrived.length;
    return count;
  }

  /**
   * Delivers the messages that arrived in this tick. With `resyncCovers`,
   * subscribers that get resyncs skip them: a resync is on its way.
   */
  dispatchArrived(resyncCovers: boolean): void {
    for (const entry of this.#entries.values()) {
      if (entry.arrived.length > 0) this.#dispatch(entry, resyncCovers);
    }
  }

  /** Every subscriber, on every channel. */
  subscribers(): Subscriber[] {
    return [...this.#entries.values()].flatMap(({ held }) => [...held.holders]);
  }

  #open(pubnubChannel: string): ChannelEntry {
    const subscription = this.#client.channel(pubnubChannel).subscription();
    const entry: ChannelEntry = {
      subscription,
      held: new HeldResource(() => this.#release(pubnubChannel, entry)),
      arrived: [],
      newest: "",
    };
    subscription.addListener({
      message: (message) => this.#receive(entry, message),
    });
    subscription.subscribe();
    this.#entries.set(pubnubChannel, entry);
    return entry;
  }

  #release(pubnubChannel: string, entry: ChannelEntry): void {
    this.#entries.delete(pubnubChannel);
    try {
      entry.subscription.unsubscribe();
    } catch (cause) {
      const { lastToLeave } = entry;
      lastToLeave?.scope.report(
        new SubscribeError({
          channel: lastToLeave.channel,
          reason: "unsubscribe-failed",
          pubnubChannel,
          cause,
        }),
      );
    }
  }

  #receive(entry: ChannelEntry, message: PubNubMessageEvent): void {
    entry.arrived.push(message);
    this.#options.arrived();
  }

  #dispatch(entry: ChannelEntry, resyncCovers: boolean): void {
    const messages = entry.arrived.splice(0);
    const subscribers = [...entry.held.holders];
    const first = subscribers[0];
    if (first === undefined) return;
    const received: ReceivedEvent[] = [];
    for (const message of messages) {
      const event = this.#decode(entry, message, first.channel);
      if (event) received.push(event);
    }
    if (received.length === 0) return;
    for (const subscriber of subscribers) {
      if (resyncCovers && subscriber.scope.resync) continue;
      deliverAll(subscriber, received);
    }
  }

  /** The event a message carries, or `undefined` (reported) for none. */
  #decode(
    entry: ChannelEntry,
    message: PubNubMessageEvent,
    channel: string,
  ): ReceivedEvent | undefined {
    const timetoken = String(message.timetoken);
    if (!isNewerTimetoken(timetoken, entry.newest)) return undefined;
    entry.newest = timetoken;
    try {
      return {
        event: decodeLiveMessage(message.message, channel, timetoken),
        own: Object(message.userMetadata).sender === this.#options.senderId,
      };
    } catch (error) {
      this.#options.report(error as LiveError);
      return undefined;
    }
  }
}

interface ReceivedEvent {
  readonly event: LiveEvent;
  /** Published from this client. */
  readonly own: boolean;
}

function wants(subscriber: Subscriber, { event, own }: ReceivedEvent) {
  return (
    !(own && subscriber.scope.ignoreOwnEvents) &&
    matchesFilter(subscriber.filter, event)
  );
}

/** Hands a subscriber the events it wants, merged when its provider does. */
function deliverAll(
  subscriber: Subscriber,
  received: readonly ReceivedEvent[],
): void {
  const [only] = received;
  if (received.length === 1 && only) {
    if (!subscriber.removed && wants(subscriber, only)) {
      deliverOn(subscriber, only.event);
    }
    return;
  }
  const wanted = received
    .filter((one) => wants(subscriber, one))
    .map(({ event }) => event);
  const events = subscriber.scope.coalesce ? coalesceEvents(wanted) : wanted;
  for (const event of events) {
    if (subscriber.removed) return;
    deliverOn(subscriber, event);
  }
}

/** Delivers under the subscriber's own refine channel name. */
function deliverOn(subscriber: Subscriber, event: LiveEvent): void {
  const { channel } = subscriber;
  deliver(
    subscriber,
    event.channel === channel ? event : { ...event, channel },
  );
}

/** Calls a subscriber; a throwing callback is reported, not propagated. */
function deliver(subscriber: Subscriber, event: LiveEvent): void {
  try {
    deliverLiveEvent(event, subscriber.callback);
  } catch (cause) {
    subscriber.scope.report(
      new CallbackError({
        reason: "subscriber",
        channel: subscriber.channel,
        cause,
      }),
    );
  }
}

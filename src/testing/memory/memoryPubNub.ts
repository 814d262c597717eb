import type { PubNubMessageEvent, PubNubPayload } from "../../pubnubClient";
import {
  invalidChannelReason,
  isTooLarge,
  nextTimetoken,
} from "../pubnubRules";
import {
  type MemoryMessage,
  MemoryNetwork,
  type MemoryStatus,
} from "./memoryNetwork";
import type { MemoryPresenceEvent } from "./memoryPresence";

/** What `hereNow` answers, in the SDK's shape. */
export interface MemoryHereNow {
  totalChannels: number;
  totalOccupancy: number;
  channels: Record<
    string,
    {
      name: string;
      occupancy: number;
      occupants: Array<{ uuid: string; state?: Record<string, unknown> }>;
    }
  >;
}

type MessageListener = (event: PubNubMessageEvent) => void;
type StatusListener = (status: MemoryStatus) => void;

/** A listener object, as for `pubnub.addListener`. */
export interface MemoryListener {
  message?: MessageListener;
  status?: StatusListener;
  presence?: (event: MemoryPresenceEvent) => void;
}

/** Options of {@link MemoryPubNub}. */
export interface MemoryPubNubOptions {
  /** @default "memory-user" */
  userId?: string;
  /**
   * `null` makes a subscribe-only client whose publishes fail as the SDK's
   * do without a publish key.
   * @default "pub-memory"
   */
  publishKey?: string | null;
  /** Share one network between clients so they reach each other. */
  network?: MemoryNetwork;
}

/** An error shaped like the SDK's `PubNubError`. */
export class MemoryPubNubError extends Error {
  override name = "PubNubError";
  readonly status: MemoryStatus & { message?: string };

  constructor(message: string, status: MemoryStatus & { message?: string }) {
    super(message);
    this.status = status;
  }
}

/** A Subscription to one channel, as `pubnub.channel(name).subscription()`. */
export class MemorySubscription {
  readonly #client: MemoryPubNub;
  readonly #listeners = new Set<MemoryListener>();
  readonly channel: string;
  onMessage: MessageListener | undefined;
  #active = false;

  constructor(client: MemoryPubNub, channel: string) {
    this.#client = client;
    this.channel = channel;
  }

  get active(): boolean {
    return this.#active;
  }

  addListener(listener: MemoryListener): void {
    this.#listeners.add(listener);
  }

  removeListener(listener: MemoryListener): void {
    this.#listeners.delete(listener);
  }

  subscribe(): void {
    if (this.#active) return;
    this.#active = true;
    this.#client.changeSubscription(this, true);
  }

  unsubscribe(): void {
    if (!this.#active) return;
    this.#active = false;
    this.#client.changeSubscription(this, false);
  }

  dispose(): void {
    this.unsubscribe();
    this.#listeners.clear();
    this.onMessage = undefined;
  }

  /** @internal */
  emitPresence(event: MemoryPresenceEvent): void {
    this.onPresence?.(event);
    for (const listener of [...this.#listeners]) listener.presence?.(event);
  }

  onPresence: ((event: MemoryPresenceEvent) => void) | undefined;

  /** @internal */
  emit(event: PubNubMessageEvent): void {
    this.onMessage?.(event);
    for (const listener of [...this.#listeners]) listener.message?.(event);
  }
}

/**
 * An in-memory stand-in for a `pubnub` client, for unit tests of apps that
 * use the live provider: publish, channel subscriptions, listeners and
 * status events, with no network. Clients built on one {@link MemoryNetwork}
 * reach each other.
 *
 * @example
 * const network = new MemoryNetwork();
 * const pubnub = new MemoryPubNub({ network });
 * render(<Refine liveProvider={liveProvider(pubnub)} … />);
 * network.publish("resources.posts", { type: "updated", payload: { ids: [1] } });
 * await network.flush();
 */
export class MemoryPubNub {
  readonly network: MemoryNetwork;
  readonly userId: string;
  readonly #publishKey: string | null;
  readonly #subscriptions = new Set<MemorySubscription>();
  readonly #listeners = new Set<MemoryListener>();
  #token: string | undefined;

  constructor(options: MemoryPubNubOptions = {}) {
    this.network = options.network ?? new MemoryNetwork();
    this.userId = options.userId ?? "memory-user";
    this.#publishKey =
      options.publishKey === undefined ? "pub-memory" : options.publishKey;
    this.network.attach(this);
  }

  getUserId(): string {
    return this.userId;
  }

  channel(name: string): {
    subscription(options?: object): MemorySubscription;
  } {
    return { subscription: () => new MemorySubscription(this, name) };
  }

  /** Channels with at least one active subscription, sorted. */
  getSubscribedChannels(): string[] {
    return [...new Set([...this.#subscriptions].map((s) => s.channel))].sort();
  }

  addListener(listener: MemoryListener): void {
    this.#listeners.add(listener);
  }

  removeListener(listener: MemoryListener): void {
    this.#listeners.delete(listener);
  }

  /** Client-level listeners attached now (for leak checks in tests). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /**
   * Restarts the subscribe loop, as the SDK does after a disconnect:
   * announces `PNConnectedCategory` if anything is subscribed.
   */
  reconnect(): void {
    if (this.#subscriptions.size === 0) return;
    this.emitStatus({
      category: "PNConnectedCategory",
      affectedChannels: this.getSubscribedChannels(),
      currentTimetoken: nextTimetoken(),
    });
  }

  /**
   * Sends a status event to the client's listeners, e.g. to simulate an
   * outage: `{ category: "PNDisconnectedUnexpectedlyCategory" }`, or a 403:
   * `{ category: "PNDisconnectedUnexpectedlyCategory", error: "PNAccessDeniedCategory" }`.
   */
  emitStatus(status: MemoryStatus): void {
    this.network.schedule(() => {
      for (const listener of [...this.#listeners]) listener.status?.(status);
    });
  }

  setToken(token: string | undefined): void {
    this.#token = token;
  }

  getToken(): string | undefined {
    return this.#token;
  }

  async publish(parameters: {
    channel: string;
    message: PubNubPayload;
    meta?: PubNubPayload;
  }): Promise<{ timetoken: string }> {
    const { channel, message, meta } = parameters;
    const validation = !channel
      ? "Missing 'channel'"
      : !message
        ? "Missing 'message'"
        : this.#publishKey === null
          ? "Missing 'publishKey'"
          : undefined;
    if (validation) {
      throw new MemoryPubNubError(
        "Validation failed, check status for details",
        {
          category: "PNValidationErrorCategory",
          statusCode: 0,
          error: true,
          message: validation,
        },
      );
    }
    const failure =
      this.network.takePublishFailure() ??
      (invalidChannelReason(channel, "publish") !== undefined
        ? { category: "PNBadRequestCategory", statusCode: 400 }
        : isTooLarge(channel, message, meta)
          ? { category: "PNUnknownCategory", statusCode: 413 }
          : undefined);
    if (failure) {
      throw new MemoryPubNubError(
        "REST API request processing error, check status for details",
        { error: true, operation: "PNPublishOperation", ...failure },
      );
    }
    const timetoken = this.network.publish(channel, message, {
      publisher: this.userId,
      meta: meta as Record<string, unknown> | undefined,
    });
    await this.network.flush();
    return { timetoken };
  }

  /** Unsubscribes from everything and leaves the network. */
  destroy(): void {
    for (const subscription of [...this.#subscriptions]) {
      subscription.unsubscribe();
    }
    this.network.detach(this);
  }

  /** Who is on each of `channels`, as `pubnub.hereNow` answers. */
  async hereNow(parameters: {
    channels: string[];
    includeState?: boolean;
  }): Promise<MemoryHereNow> {
    const channels = Object.fromEntries(
      parameters.channels.map((name) => {
        const members = this.network.presence.members(name);
        const occupants = members.map(({ uuid, state }) =>
          parameters.includeState ? { uuid, state } : { uuid },
        );
        return [name, { name, occupancy: members.length, occupants }];
      }),
    );
    const occupancy = Object.values(channels).map((c) => c.occupancy);
    return {
      totalChannels: parameters.channels.length,
      totalOccupancy: occupancy.reduce((sum, n) => sum + n, 0),
      channels,
    };
  }

  /**
   * Sets this user's state on `channels`, as `pubnub.setState`. With
   * `withHeartbeat` it is a heartbeat, as PubNub's: it joins the channels,
   * and `state` is keyed by channel.
   */
  async setState(parameters: {
    channels: string[];
    state: Record<string, unknown>;
    withHeartbeat?: boolean;
  }): Promise<{ state: Record<string, unknown> }> {
    const { presence } = this.network;
    for (const channel of parameters.channels) {
      const state = parameters.withHeartbeat
        ? parameters.state[channel]
        : parameters.state;
      if (parameters.withHeartbeat) presence.join(channel, this.userId);
      if (
        typeof state === "object" &&
        state !== null &&
        !Array.isArray(state)
      ) {
        presence.setState(
          channel,
          this.userId,
          state as Record<string, unknown>,
        );
      }
    }
    return { state: parameters.state };
  }

  /** @internal Called by MemorySubscription. */
  changeSubscription(subscription: MemorySubscription, active: boolean): void {
    const before = this.#subscriptions.size;
    if (active) this.#subscriptions.add(subscription);
    else this.#subscriptions.delete(subscription);
    this.#trackPresence(subscription.channel, active);
    const affectedChannels = this.getSubscribedChannels();
    const invalid = affectedChannels.find((name) =>
      invalidChannelReason(name, "subscribe"),
    );
    const status: MemoryStatus = invalid
      ? { category: "PNConnectionErrorCategory", statusCode: 400, error: true }
      : before === 0 && active
        ? {
            category: "PNConnectedCategory",
            affectedChannels,
            currentTimetoken: nextTimetoken(),
          }
        : affectedChannels.length === 0
          ? { category: "PNDisconnectedCategory" }
          : { category: "PNSubscriptionChangedCategory", affectedChannels };
    this.emitStatus(status);
  }

  // Subscribing to a channel joins it; `-pnpres` channels only watch.
  #trackPresence(channel: string, active: boolean): void {
    if (channel.endsWith("-pnpres")) return;
    const { presence } = this.network;
    if (active) presence.join(channel, this.userId);
    else if (!this.getSubscribedChannels().includes(channel)) {
      presence.drop(channel, this.userId, "leave");
    }
  }

  /** @internal Called by MemoryNetwork. */
  deliverPresence(event: MemoryPresenceEvent): void {
    for (const subscription of this.#subscriptions) {
      if (subscription.channel === event.subscription) {
        subscription.emitPresence(event);
      }
    }
  }

  /** @internal Called by MemoryNetwork. */
  deliver(entry: MemoryMessage): void {
    const targets = [...this.#subscriptions].filter(
      (subscription) => subscription.channel === entry.channel,
    );
    if (targets.length === 0) return;
    const event: PubNubMessageEvent = {
      channel: entry.channel,
      message: entry.message,
      timetoken: entry.timetoken,
      publisher: entry.publisher,
      userMetadata: entry.meta,
    };
    for (const subscription of targets) subscription.emit(event);
    for (const listener of [...this.#listeners]) listener.message?.(event);
  }
}

import { PresenceError } from "../errors/PresenceError";
import { HeldResource } from "../heldResource";
import { MemberList } from "./memberList";
import { PRESENCE_EVENTS_SUFFIX } from "./presenceChannel";
import type {
  HereNowAnswer,
  PresenceClient,
  PresenceEvent,
  PresenceMember,
  PresenceState,
} from "./presenceTypes";

type Subscription = ReturnType<
  ReturnType<PresenceClient["channel"]>["subscription"]
>;

interface Entry {
  /** Set once the access check passed and the channel is subscribed. */
  subscription?: Subscription | undefined;
  /** The handles entered; the channel is left when the last has gone. */
  readonly held: HeldResource<{ state: PresenceState }>;
  sentState: string;
}

interface Watch {
  /** Set once the first here-now answered (the access check). */
  subscription?: Subscription | undefined;
  /** Its listeners; the `-pnpres` channel goes when the last has gone. */
  readonly held: HeldResource<(members: PresenceMember[]) => void>;
  readonly members: MemberList;
  settleTimer?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * here-now answers may be 3 s old, and a `-pnpres` subscription sees events
 * only once its handshake is through: what happened in between shows in a
 * second here-now this long after subscribing.
 */
const SETTLE_DELAY = 3_500;

export interface PresenceRegistryOptions {
  releaseDelay: number;
  report(error: PresenceError): void;
}

/** This client's membership of one presence channel. */
export interface EnteredPresence {
  update(next: PresenceState): void;
  /** Leaves after `delay` ms (`releaseDelay` unless told). */
  leave(delay?: number): void;
}

/**
 * One SDK subscription per presence channel for entering (which joins) and
 * one per `-pnpres` channel for watching (which does not), each counted
 * and released after `releaseDelay`, so StrictMode's leave-and-enter sends
 * nothing. Neither is subscribed before a here-now on the channel has
 * answered: PubNub subscribes every channel in one request, so a channel
 * the token does not cover would stop the client's live updates too.
 */
export class PresenceRegistry {
  readonly #client: PresenceClient;
  readonly #options: PresenceRegistryOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #watches = new Map<string, Watch>();
  readonly #hereNows = new Map<string, Promise<HereNowAnswer>>();

  constructor(client: PresenceClient, options: PresenceRegistryOptions) {
    this.#client = client;
    this.#options = options;
  }

  /**
   * Makes this client's user a member of `channel` with `state`. `leave`
   * (and `watch`'s stop) take a delay: `releaseDelay` unless told.
   */
  enter(channel: string, state: PresenceState): EnteredPresence {
    const entry = this.#entries.get(channel) ?? this.#openEntry(channel);
    const handle = { state };
    entry.held.hold(handle);
    this.#sendState(channel, entry);
    return {
      update: (next: PresenceState): void => {
        handle.state = next;
        if (entry.held.holders.has(handle)) this.#sendState(channel, entry);
      },
      leave: (delay: number = this.#options.releaseDelay): void => {
        if (entry.held.letGo(handle, delay) && entry.held.holders.size > 0) {
          this.#sendState(channel, entry);
        }
      },
    };
  }

  /** Calls `listener` with the members of `channel` now and on changes. */
  watch(
    channel: string,
    listener: (members: PresenceMember[]) => void,
  ): () => void {
    const watch = this.#watches.get(channel) ?? this.#openWatch(channel);
    const { held } = watch;
    held.hold(listener);
    if (watch.members.known) {
      const members = this.members(channel);
      queueMicrotask(() => held.holders.has(listener) && listener(members));
    }
    return (delay = this.#options.releaseDelay) => {
      held.letGo(listener, delay);
    };
  }

  /** The last known members of `channel`. */
  members(channel: string): PresenceMember[] {
    const list = this.#watches.get(channel)?.members;
    return list?.list(this.#client.getUserId()) ?? [];
  }

  /**
   * Reads every watched channel again and sends states that were refused
   * meanwhile (after the connection was lost, or its token renewed).
   */
  refresh(): void {
    for (const [channel, watch] of this.#watches) this.#seed(channel, watch);
    for (const [channel, entry] of this.#entries) {
      this.#sendState(channel, entry);
    }
  }

  // Several handles on one channel: their states merged, later ones winning.
  #stateOf(entry: Entry): PresenceState {
    return Object.assign({}, ...[...entry.held.holders].map((h) => h.state));
  }

  #sendState(channel: string, entry: Entry): void {
    if (entry.subscription === undefined) return;
    const state = this.#stateOf(entry);
    const text = JSON.stringify(state);
    if (text === entry.sentState) return;
    entry.sentState = text;
    this.#client.setState({ channels: [channel], state }).catch((cause) => {
      if (entry.sentState === text) entry.sentState = "";
      this.#fail(channel, cause);
    });
  }

  /**
   * Joins `channel` again with a heartbeat. Its `state` must be keyed by
   * channel on the wire, but the SDK would also keep it as this channel's
   * state: a plain set-state right after puts the kept state right.
   */
  #rejoin(channel: string, entry: Entry): void {
    const state = this.#stateOf(entry);
    this.#client
      .setState({
        channels: [channel],
        state: { [channel]: state },
        withHeartbeat: true,
      })
      .then(() => this.#client.setState({ channels: [channel], state }))
      .catch((cause) => this.#fail(channel, cause));
  }

  #openEntry(channel: string): Entry {
    const entry: Entry = {
      held: new HeldResource(() => {
        this.#entries.delete(channel);
        entry.subscription?.unsubscribe();
      }),
      sentState: "{}",
    };
    this.#entries.set(channel, entry);
    const open = () => {
      if (this.#entries.get(channel) !== entry) return;
      entry.subscription = this.#client.channel(channel).subscription();
      entry.subscription.subscribe();
      this.#sendState(channel, entry);
    };
    // One tick later than a watch of the channel: its `-pnpres` is then
    // subscribed first, and this client sees its own join (the older
    // subscribe loop sends a handshake per subscription change).
    this.#hereNow(channel)
      .then(undefined, (cause) => {
        if (isAccessDenied(cause)) throw cause;
      })
      .then(open, () => {});
    return entry;
  }

  #openWatch(channel: string): Watch {
    const watch: Watch = {
      held: new HeldResource(() => {
        this.#watches.delete(channel);
        clearTimeout(watch.settleTimer);
        watch.members.dispose();
        watch.subscription?.unsubscribe();
      }),
      members: new MemberList(() => this.#notify(channel, watch)),
    };
    this.#watches.set(channel, watch);
    this.#seed(channel, watch);
    return watch;
  }

  #subscribeEvents(channel: string, watch: Watch): void {
    if (watch.subscription || this.#watches.get(channel) !== watch) return;
    const name = `${channel}${PRESENCE_EVENTS_SUFFIX}`;
    watch.subscription = this.#client.channel(name).subscription();
    watch.subscription.addListener({
      presence: (event) => this.#onEvent(channel, watch, event),
    });
    watch.subscription.subscribe();
    watch.settleTimer = setTimeout(
      () => this.#watches.get(channel) === watch && this.#seed(channel, watch),
      SETTLE_DELAY,
    );
  }

  #seed(channel: string, watch: Watch): void {
    watch.members.expectSeed();
    this.#hereNow(channel).then(
      (answer) => {
        this.#subscribeEvents(channel, watch);
        watch.members.seed(answer.channels[channel]?.occupants ?? []);
      },
      (cause) => {
        watch.members.seedFailed();
        // Events still come; the next refresh() reads the members.
        if (!isAccessDenied(cause)) this.#subscribeEvents(channel, watch);
      },
    );
  }

  /**
   * One here-now per channel at a time, shared by enter and watch; a
   * failure is reported once.
   */
  #hereNow(channel: string): Promise<HereNowAnswer> {
    let request = this.#hereNows.get(channel);
    if (request === undefined) {
      request = this.#client.hereNow({
        channels: [channel],
        includeState: true,
      });
      const forget = () => this.#hereNows.delete(channel);
      request.then(forget, (cause) => {
        forget();
        this.#fail(channel, cause);
      });
      this.#hereNows.set(channel, request);
    }
    return request;
  }

  #fail(channel: string, cause: unknown): void {
    const denied = isAccessDenied(cause);
    // Refused after its access check passed: the token expired. The
    // provider renews it, and refresh() then reads and sends again.
    if (denied && this.#accessChecked(channel)) return;
    const reason = denied ? "access-denied" : "refused";
    this.#options.report(
      new PresenceError({ reason, pubnubChannel: channel, cause }),
    );
  }

  #accessChecked(channel: string): boolean {
    return (
      this.#watches.get(channel)?.subscription !== undefined ||
      this.#entries.get(channel)?.subscription !== undefined
    );
  }

  #onEvent(channel: string, watch: Watch, event: PresenceEvent): void {
    if (!watch.members.receive(event)) this.#seed(channel, watch);
    const entry = this.#entries.get(channel);
    if (!entry?.subscription) return;
    if (this.#removesSelf(event)) {
      // Another client of this user (a second tab) left the channel, and
      // PubNub counts users, not clients: join again.
      this.#rejoin(channel, entry);
    } else if (this.#joinedWithoutState(event, entry)) {
      // pubnub 8's event engine can join after the set-state, without it.
      entry.sentState = "";
      this.#sendState(channel, entry);
    }
  }

  #joinedWithoutState({ action, uuid, state }: PresenceEvent, entry: Entry) {
    return (
      action === "join" &&
      uuid === this.#client.getUserId() &&
      JSON.stringify(state ?? {}) !== entry.sentState
    );
  }

  #removesSelf({ action, uuid, leave, timeout }: PresenceEvent): boolean {
    const self = this.#client.getUserId();
    return (
      ((action === "leave" || action === "timeout") && uuid === self) ||
      [...(leave ?? []), ...(timeout ?? [])].includes(self)
    );
  }

  #notify(channel: string, watch: Watch): void {
    const members = this.members(channel);
    for (const listener of [...watch.held.holders]) listener(members);
  }
}

function isAccessDenied(error: unknown): boolean {
  const status = (
    error as { status?: { statusCode?: unknown; category?: unknown } }
  )?.status;
  return (
    status?.statusCode === 403 || status?.category === "PNAccessDeniedCategory"
  );
}

/** PubNub's default presence timeout, in seconds, when a client sends none. */
const DEFAULT_PRESENCE_TIMEOUT = 300;

/** The suffix of the channel that carries a channel's presence events. */
export const PRESENCE_SUFFIX = "-pnpres";

type MemberAction = "join" | "leave" | "timeout";

/** The `d` of a `-pnpres` event, as PubNub sends it. */
export type EmulatorPresenceEvent =
  | {
      action: MemberAction | "state-change";
      uuid: string;
      occupancy: number;
      /** Unix seconds. */
      timestamp: number;
      /** The member's state, on `state-change` and on a join with state. */
      data?: Record<string, unknown>;
    }
  | {
      /** Above Announce Max: the occupancy every interval, no one by one. */
      action: "interval";
      occupancy: number;
      timestamp: number;
      /** Who changed since the last interval event, with Presence Deltas. */
      join?: string[];
      leave?: string[];
      timeout?: string[];
    };

interface Member {
  state: Record<string, unknown> | undefined;
  timer: ReturnType<typeof setTimeout>;
  /** The last `heartbeat=` it sent, in ms: a refresh without one keeps it. */
  timeout: number;
}

/** A keyset's presence settings, as PubNub's portal names them. */
export interface EmulatorPresenceSettings {
  /**
   * Above this many members a channel sends `interval` events instead of
   * joins, leaves and timeouts.
   * @default 20
   */
  announceMax?: number;
  /**
   * Seconds between `interval` events.
   * @default 30
   */
  interval?: number;
  /**
   * Whether `interval` events list who joined, left and timed out.
   * @default false
   */
  presenceDeltas?: boolean;
}

export interface PresenceOptions extends EmulatorPresenceSettings {
  /** Publishes a `-pnpres` event into the emulator's channel log. */
  emit(channel: string, data: EmulatorPresenceEvent): void;
  /** Caps every presence timeout, in seconds, so tests need not wait 300 s. */
  maxTimeout: number | undefined;
}

interface IntervalMode {
  timer: ReturnType<typeof setInterval>;
  deltas: Record<MemberAction, string[]>;
}

/**
 * Who is present on which channel, as PubNub keeps it: a member per
 * (channel, userId), joined by a heartbeat or a subscribe to the channel,
 * refreshed by each, removed by a `leave` or when no refresh came within
 * the timeout it last sent; with a state per member.
 */
export class EmulatedPresence {
  readonly #channels = new Map<string, Map<string, Member>>();
  readonly #intervals = new Map<string, IntervalMode>();
  readonly #options: PresenceOptions;

  constructor(options: PresenceOptions) {
    this.#options = options;
  }

  /**
   * A heartbeat (or subscribe) from `userId` on `channels`: joins or
   * refreshes it. `states` is keyed by channel, as the SDK sends it.
   */
  heartbeat(
    userId: string,
    channels: readonly string[],
    timeoutSeconds: number | undefined,
    states: Record<string, unknown> = {},
  ): void {
    for (const channel of channels) {
      if (channel.endsWith(PRESENCE_SUFFIX)) continue;
      const members = this.#membersOf(channel);
      const member = members.get(userId);
      const timeout =
        timeoutSeconds === undefined && member !== undefined
          ? member.timeout
          : this.#timeoutMs(timeoutSeconds);
      const state = asState(states[channel]) ?? member?.state;
      const timer = setTimeout(
        () => this.#drop(channel, userId, "timeout"),
        timeout,
      );
      // A member's timeout must not keep a Node process alive by itself.
      (timer as { unref?: () => void }).unref?.();
      clearTimeout(member?.timer);
      members.set(userId, { state, timer, timeout });
      if (member === undefined) {
        this.#announce(channel, "join", userId, state);
      } else if (state !== member.state && !sameState(state, member.state)) {
        this.#announce(channel, "state-change", userId, state);
      }
    }
  }

  /** A `leave` from `userId`: it is gone at once. */
  leave(userId: string, channels: readonly string[]): void {
    for (const channel of channels) this.#drop(channel, userId, "leave");
  }

  /**
   * Set-state: replaces the member's whole state on each channel (a
   * `state-change` for present members); kept for a later join otherwise.
   */
  setState(userId: string, channels: readonly string[], state: unknown): void {
    const next = asState(state) ?? {};
    for (const channel of channels) {
      const member = this.#membersOf(channel).get(userId);
      if (member === undefined) continue;
      const changed = !sameState(next, member.state);
      member.state = next;
      if (changed) this.#announce(channel, "state-change", userId, next);
    }
  }

  /** The state of `userId` on `channel`, `{}` when it has none. */
  stateOf(channel: string, userId: string): Record<string, unknown> {
    return this.#channels.get(channel)?.get(userId)?.state ?? {};
  }

  /** The members of `channel` with their states, in join order. */
  membersOf(
    channel: string,
  ): Array<{ uuid: string; state: Record<string, unknown> | undefined }> {
    return [...(this.#channels.get(channel) ?? [])].map(([uuid, member]) => ({
      uuid,
      state: member.state,
    }));
  }

  /** Stops every timeout timer (the emulator is closing). */
  close(): void {
    for (const members of this.#channels.values()) {
      for (const { timer } of members.values()) clearTimeout(timer);
    }
    for (const { timer } of this.#intervals.values()) clearInterval(timer);
    this.#channels.clear();
    this.#intervals.clear();
  }

  #timeoutMs(seconds: number | undefined): number {
    const asked =
      seconds !== undefined && seconds > 0 ? seconds : DEFAULT_PRESENCE_TIMEOUT;
    const { maxTimeout } = this.#options;
    return Math.min(asked, maxTimeout ?? asked) * 1000;
  }

  #membersOf(channel: string): Map<string, Member> {
    let members = this.#channels.get(channel);
    if (members === undefined) {
      members = new Map();
      this.#channels.set(channel, members);
    }
    return members;
  }

  #drop(channel: string, userId: string, action: "leave" | "timeout"): void {
    const members = this.#channels.get(channel);
    const member = members?.get(userId);
    if (members === undefined || member === undefined) return;
    clearTimeout(member.timer);
    members.delete(userId);
    if (members.size === 0) this.#channels.delete(channel);
    this.#announce(channel, action, userId, undefined);
  }

  #announce(
    channel: string,
    action: MemberAction | "state-change",
    uuid: string,
    state: Record<string, unknown> | undefined,
  ): void {
    const occupancy = this.#channels.get(channel)?.size ?? 0;
    if (action !== "state-change" && this.#counted(channel, action, uuid)) {
      return;
    }
    const data: EmulatorPresenceEvent = {
      action,
      uuid,
      occupancy,
      timestamp: Math.floor(Date.now() / 1000),
    };
    if (state !== undefined && action !== "leave" && action !== "timeout") {
      data.data = state;
    }
    this.#options.emit(`${channel}${PRESENCE_SUFFIX}`, data);
  }

  /**
   * Above Announce Max a join, leave or timeout only counts towards the next
   * `interval` event; returns whether it did. Dropping back to Announce Max
   * sends a last interval event and ends the interval mode.
   */
  #counted(channel: string, action: MemberAction, uuid: string): boolean {
    const { announceMax = 20 } = this.#options;
    const occupancy = this.#channels.get(channel)?.size ?? 0;
    let mode = this.#intervals.get(channel);
    if (mode === undefined && occupancy > announceMax) {
      mode = this.#startIntervals(channel);
    }
    if (mode === undefined) return false;
    mode.deltas[action].push(uuid);
    if (occupancy <= announceMax) {
      clearInterval(mode.timer);
      this.#intervals.delete(channel);
      this.#sendInterval(channel, mode);
    }
    return true;
  }

  #startIntervals(channel: string): IntervalMode {
    const { interval = 30 } = this.#options;
    const mode: IntervalMode = {
      deltas: { join: [], leave: [], timeout: [] },
      timer: setInterval(
        () => this.#sendInterval(channel, mode),
        interval * 1000,
      ),
    };
    (mode.timer as { unref?: () => void }).unref?.();
    this.#intervals.set(channel, mode);
    return mode;
  }

  #sendInterval(channel: string, { deltas }: IntervalMode): void {
    const data: EmulatorPresenceEvent = {
      action: "interval",
      occupancy: this.#channels.get(channel)?.size ?? 0,
      timestamp: Math.floor(Date.now() / 1000),
    };
    if (this.#options.presenceDeltas) {
      for (const action of ["join", "leave", "timeout"] as const) {
        if (deltas[action].length > 0) data[action] = [...deltas[action]];
      }
    }
    deltas.join = [];
    deltas.leave = [];
    deltas.timeout = [];
    this.#options.emit(`${channel}${PRESENCE_SUFFIX}`, data);
  }
}

function asState(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function sameState(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

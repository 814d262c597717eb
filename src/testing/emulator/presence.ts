/** PubNub's default presence timeout, in seconds, when a client sends none. */
const DEFAULT_PRESENCE_TIMEOUT = 300;

/** The suffix of the channel that carries a channel's presence events. */
export const PRESENCE_SUFFIX = "-pnpres";

/** The `d` of a `-pnpres` event, as PubNub sends it. */
export interface PresenceEventData {
  action: "join" | "leave" | "timeout" | "state-change";
  uuid: string;
  occupancy: number;
  /** Unix seconds. */
  timestamp: number;
  /** The member's state, on `state-change` and on a join with state. */
  data?: Record<string, unknown>;
}

interface Member {
  state: Record<string, unknown> | undefined;
  timer: ReturnType<typeof setTimeout>;
  /** The last `heartbeat=` it sent, in ms: a refresh without one keeps it. */
  timeout: number;
}

export interface PresenceOptions {
  /** Publishes a `-pnpres` event into the emulator's channel log. */
  emit(channel: string, data: PresenceEventData): void;
  /** Caps every presence timeout, in seconds, so tests need not wait 300 s. */
  maxTimeout: number | undefined;
}

/**
 * Who is present on which channel, as PubNub keeps it: a member per
 * (channel, userId), joined by a heartbeat or a subscribe to the channel,
 * refreshed by each, removed by a `leave` or when no refresh came within
 * the timeout it last sent; with a state per member.
 */
export class PresenceRegistry {
  readonly #channels = new Map<string, Map<string, Member>>();
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
    this.#channels.clear();
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
    action: PresenceEventData["action"],
    uuid: string,
    state: Record<string, unknown> | undefined,
  ): void {
    const data: PresenceEventData = {
      action,
      uuid,
      occupancy: this.#channels.get(channel)?.size ?? 0,
      timestamp: Math.floor(Date.now() / 1000),
    };
    if (state !== undefined && action !== "leave" && action !== "timeout") {
      data.data = state;
    }
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

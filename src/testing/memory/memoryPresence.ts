/** A presence event as the SDK hands it to `onPresence` listeners. */
export interface MemoryPresenceEvent {
  channel: string;
  subscription: string;
  action: "join" | "leave" | "timeout" | "state-change";
  uuid: string;
  occupancy: number;
  timestamp: number;
  state?: Record<string, unknown>;
}

/**
 * Who is present where on a {@link MemoryNetwork}, as PubNub counts it:
 * one member per channel and userId, however many clients it has.
 */
export class MemoryPresence {
  readonly #members = new Map<string, Map<string, Record<string, unknown>>>();
  readonly #emit: (event: MemoryPresenceEvent) => void;

  constructor(emit: (event: MemoryPresenceEvent) => void) {
    this.#emit = emit;
  }

  join(channel: string, userId: string): void {
    const members = this.#channel(channel);
    if (members.has(userId)) return;
    members.set(userId, {});
    this.#announce(channel, "join", userId);
  }

  /** `leave` (the user left) or `timeout` (it vanished without leaving). */
  drop(channel: string, userId: string, action: "leave" | "timeout"): void {
    if (!this.#members.get(channel)?.delete(userId)) return;
    this.#announce(channel, action, userId);
  }

  setState(
    channel: string,
    userId: string,
    state: Record<string, unknown>,
  ): void {
    const members = this.#members.get(channel);
    if (!members?.has(userId)) return;
    if (JSON.stringify(members.get(userId)) === JSON.stringify(state)) return;
    members.set(userId, state);
    this.#announce(channel, "state-change", userId, state);
  }

  /** The members of `channel` with their states, in join order. */
  members(
    channel: string,
  ): Array<{ uuid: string; state: Record<string, unknown> }> {
    return [...(this.#members.get(channel) ?? [])].map(([uuid, state]) => ({
      uuid,
      state,
    }));
  }

  /** Every channel `userId` is present on. */
  channelsOf(userId: string): string[] {
    return [...this.#members]
      .filter(([, members]) => members.has(userId))
      .map(([channel]) => channel);
  }

  #channel(channel: string): Map<string, Record<string, unknown>> {
    let members = this.#members.get(channel);
    if (members === undefined) {
      members = new Map();
      this.#members.set(channel, members);
    }
    return members;
  }

  #announce(
    channel: string,
    action: MemoryPresenceEvent["action"],
    uuid: string,
    state?: Record<string, unknown>,
  ): void {
    this.#emit({
      channel,
      subscription: `${channel}-pnpres`,
      action,
      uuid,
      occupancy: this.#members.get(channel)?.size ?? 0,
      timestamp: Math.floor(Date.now() / 1000),
      ...(state === undefined ? {} : { state }),
    });
  }
}

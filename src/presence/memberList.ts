import type {
  PresenceEvent,
  PresenceMember,
  PresenceState,
} from "./presenceTypes";

/**
 * How long a `leave` waits before the member disappears. Without PubNub's
 * SharedWorker, a tab that leaves removes its user although another tab of
 * that user stays; the other tab joins again at once (see
 * `PresenceRegistry`), and watchers that get that join within this time
 * show no change.
 */
export const LEAVE_GRACE = 2_000;

/**
 * The members of one presence channel: a here-now answer, then the events.
 * Events that arrive while a here-now is in flight are applied to its
 * answer, which can be seconds old.
 */
export class MemberList {
  readonly #onChange: () => void;
  #members: Map<string, PresenceState> | undefined;
  #pending: PresenceEvent[] | undefined;
  readonly #leaving = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /** Whether a here-now has answered yet. */
  get known(): boolean {
    return this.#members !== undefined;
  }

  /** A here-now is on its way: hold the events until it answers. */
  expectSeed(): void {
    this.#pending = [];
  }

  /** The here-now answered; it was sent after {@link expectSeed}. */
  seed(occupants: Array<{ uuid: string; state?: unknown }>): void {
    this.#members = new Map(
      occupants.map(({ uuid, state }) => [uuid, asState(state)]),
    );
    for (const event of this.#pending ?? []) this.#apply(event);
    this.#pending = undefined;
    this.#onChange();
  }

  /** The here-now failed: the events go on, members stay as they were. */
  seedFailed(): void {
    this.#pending = undefined;
  }

  /**
   * Applies an event. False for one it cannot apply (an `interval` event
   * without deltas, or with `here_now_refresh`): read here-now again.
   */
  receive(event: PresenceEvent): boolean {
    if (this.#pending !== undefined || this.#members === undefined) {
      this.#pending?.push(event);
      return true;
    }
    if (event.action === "interval" && (event.hereNowRefresh || !event.join)) {
      return false;
    }
    this.#apply(event);
    this.#onChange();
    return true;
  }

  list(self: string): PresenceMember[] {
    return [...(this.#members ?? [])].map(([userId, state]) => ({
      userId,
      state,
      self: userId === self,
    }));
  }

  dispose(): void {
    for (const timer of this.#leaving.values()) clearTimeout(timer);
    this.#leaving.clear();
  }

  #apply(event: PresenceEvent): void {
    const members = this.#members;
    const { action, uuid } = event;
    if (members === undefined) return;
    if ((action === "join" || action === "state-change") && uuid) {
      clearTimeout(this.#leaving.get(uuid));
      this.#leaving.delete(uuid);
      members.set(uuid, asState(event.state ?? members.get(uuid)));
    } else if (action === "leave" && uuid) {
      this.#leaveLater(uuid);
    } else if (action === "timeout" && uuid) {
      members.delete(uuid);
    } else if (action === "interval") {
      for (const id of event.join ?? []) members.set(id, members.get(id) ?? {});
      for (const id of [...(event.leave ?? []), ...(event.timeout ?? [])]) {
        members.delete(id);
      }
    }
  }

  #leaveLater(uuid: string): void {
    if (this.#leaving.has(uuid)) return;
    const timer = setTimeout(() => {
      this.#leaving.delete(uuid);
      if (this.#members?.delete(uuid)) this.#onChange();
    }, LEAVE_GRACE);
    this.#leaving.set(uuid, timer);
  }
}

function asState(value: unknown): PresenceState {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as PresenceState)
    : {};
}

import { DisposedError } from "../errors/DisposedError";
import type { LiveError } from "../errors/LiveError";
import { PresenceError } from "../errors/PresenceError";
import { isPubNubLiveError } from "../errors/PubNubLiveError";
import { isJsonValue, isPlainObject } from "../jsonSafe";
import type { ProviderInternals } from "../providerInternals";
import type { ProviderSettings } from "../providerOptions";
import { type PresenceTarget, toPresenceChannel } from "./presenceChannel";
import type { PresenceRegistry } from "./presenceRegistry";
import type { PresenceMember, PresenceState } from "./presenceTypes";

/** A membership made by `presence.enter`. */
export interface PresenceHandle {
  /** Replaces this handle's state (sent when it changes by value). */
  update(state: PresenceState): void;
  /** Ends this membership; the last handle on a target leaves it. */
  leave(): void;
}

/** `presenceOf(provider)`: who is on a record or a resource's list. */
export interface ProviderPresence {
  /**
   * Makes this client's user a member of `target` with `state` (plain
   * JSON, at most 1 KiB URL-encoded) until `leave()`. Bad input is
   * reported to `onError` and gives a handle that does nothing.
   * @default state {}
   */
  enter(target: PresenceTarget, state?: PresenceState): PresenceHandle;
  /**
   * Calls `listener` with the members of `target` soon after it starts
   * and on every change; does not make this user a member.
   * @returns stop()
   */
  watch(
    target: PresenceTarget,
    listener: (members: PresenceMember[]) => void,
  ): () => void;
  /** The last known members of a watched `target` (`[]` otherwise). */
  getMembers(target: PresenceTarget): PresenceMember[];
}

/** A state sent with every heartbeat must stay small. */
const MAX_STATE_BYTES = 1024;

const NOTHING: PresenceHandle = { update() {}, leave() {} };

function describeTarget(target: PresenceTarget): string | undefined {
  const { resource, id } = Object(target) as Partial<PresenceTarget>;
  if (typeof resource !== "string") return undefined;
  return id === undefined
    ? `resources/${resource}`
    : `resources/${resource}/${id}`;
}

/** @throws {PresenceError} for a state that is not small plain JSON */
function checkState(
  state: unknown,
  channel: string | undefined,
): PresenceState {
  if (!isPlainObject(state) || !isJsonValue(state)) {
    throw new PresenceError({ reason: "state-not-json", channel });
  }
  const text = JSON.stringify(state);
  const size = encodeURIComponent(text).length;
  if (size > MAX_STATE_BYTES) {
    throw new PresenceError({ reason: "state-too-large", channel, size });
  }
  return state;
}

/** Lets go of a membership or a watch, after `delay` ms (default `releaseDelay`). */
type Release = (delay?: number) => void;

/** The presence API of one provider, on its session's registry. */
export function providerPresence(
  registry: () => PresenceRegistry,
  settings: ProviderSettings,
  {
    isDisposed,
    onDispose,
  }: Pick<ProviderInternals, "isDisposed" | "onDispose">,
): ProviderPresence {
  // What this provider entered and watches. A user who logs out must not
  // stay "also editing" until a timeout: dispose lets go of it at once.
  const held = new Set<Release>();
  onDispose(() => {
    for (const release of held) release(0);
    held.clear();
  });
  const hold = (release: Release) => {
    held.add(release);
    return () => {
      if (held.delete(release)) release();
    };
  };
  const attempt = <T>(
    target: PresenceTarget,
    fallback: T,
    run: (name: string, channel: string | undefined) => T,
  ): T => {
    const channel = describeTarget(target);
    try {
      if (isDisposed())
        throw new DisposedError({ reason: "presence", channel });
      return run(toPresenceChannel(target, settings.namespace), channel);
    } catch (error) {
      settings.report(
        isPubNubLiveError(error)
          ? (error as LiveError)
          : new PresenceError({ reason: "refused", channel, cause: error }),
      );
      return fallback;
    }
  };
  return {
    enter(target, state = {}) {
      return attempt(target, NOTHING, (name, channel) => {
        const handle = registry().enter(name, checkState(state, channel));
        return {
          update(next) {
            try {
              handle.update(checkState(next, channel));
            } catch (error) {
              settings.report(error as PresenceError);
            }
          },
          leave: hold(handle.leave),
        };
      });
    },
    watch(target, listener) {
      return attempt(
        target,
        () => {},
        (name) => hold(registry().watch(name, listener)),
      );
    },
    getMembers(target) {
      return attempt(target, [], (name) => registry().members(name));
    },
  };
}

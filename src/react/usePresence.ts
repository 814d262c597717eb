import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { presenceOf } from "../presence/index";
import type { PresenceTarget } from "../presence/presenceChannel";
import type { PresenceMember, PresenceState } from "../presence/presenceTypes";
import type { PresenceHandle } from "../presence/providerPresence";

export interface UsePresenceOptions extends PresenceTarget {
  /** What others see of this user, e.g. `{ name, avatar }`. @default {} */
  state?: PresenceState | undefined;
  /** Enter and watch only while true. @default true */
  enabled?: boolean | undefined;
}

/**
 * Enters `{ resource, id }` with `state` while mounted and enabled, and
 * returns who is there: `members`, and `others` (all but this user).
 */
export function usePresence(
  provider: object,
  { resource, id, state, enabled = true }: UsePresenceOptions,
): { members: PresenceMember[]; others: PresenceMember[] } {
  const presence = presenceOf(provider);
  const recordId = id === undefined ? undefined : String(id);
  const stateText = JSON.stringify(state ?? {});
  const handle = useRef<PresenceHandle | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new state is sent by update(), not by entering again
  useEffect(() => {
    if (!enabled) return;
    const entered = presence.enter(
      { resource, id: recordId },
      JSON.parse(stateText),
    );
    handle.current = entered;
    return () => {
      entered.leave();
      handle.current = undefined;
    };
  }, [presence, resource, recordId, enabled]);

  useEffect(() => {
    handle.current?.update(JSON.parse(stateText));
  }, [stateText]);

  const store = useMemo(() => {
    const target = { resource, id: recordId };
    let members: PresenceMember[] = enabled ? presence.getMembers(target) : [];
    return {
      subscribe: (onChange: () => void) =>
        enabled
          ? presence.watch(target, (next) => {
              members = next;
              onChange();
            })
          : () => {},
      get: () => members,
    };
  }, [presence, resource, recordId, enabled]);
  const members = useSyncExternalStore(store.subscribe, store.get, store.get);
  const others = useMemo(() => members.filter((m) => !m.self), [members]);
  return { members, others };
}

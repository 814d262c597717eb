import type { LiveRefetchStats } from "@refinedev/pubnub/react-query";

let current: LiveRefetchStats = { requested: 0, performed: 0 };
const listeners = new Set<() => void>();

/** The QueryClient's live refetch counts, for the debug panel. */
export const liveStats = {
  set(stats: LiveRefetchStats) {
    current = stats;
    for (const listener of listeners) listener();
  },
  get: () => current,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// "@refinedev/pubnub/react-query": refine's live invalidations at one read
// per query per event, and only for the queries an event can change.
export type { LiveResourceOptions } from "./liveEventTargets";
export type { LiveRefetchStats } from "./liveRefetches";
export {
  type LiveInvalidationClient,
  type LiveInvalidationOptions,
  withLiveInvalidation,
} from "./withLiveInvalidation";

export type { LiveRefetchStats } from "./liveRefetches";
export {
  type LiveInvalidationClient,
  type LiveInvalidationOptions,
  withLiveInvalidation,
} from "./withLiveInvalidation";

export { MemoryNetwork } from "./memoryNetwork";
export {
  MemoryPubNub,
  MemoryPubNubError,
  MemorySubscription,
} from "./memoryPubNub";

export type {
  MemoryMessage,
  MemoryPublishOptions,
  MemoryStatus,
} from "./memoryNetwork";
export type { MemoryListener, MemoryPubNubOptions } from "./memoryPubNub";

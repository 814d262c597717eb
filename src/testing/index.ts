export type {
  MemoryMessage,
  MemoryPublishOptions,
  MemoryStatus,
} from "./memoryNetwork";
export { MemoryNetwork } from "./memoryNetwork";
export type { MemoryListener, MemoryPubNubOptions } from "./memoryPubNub";
export {
  MemoryPubNub,
  MemoryPubNubError,
  MemorySubscription,
} from "./memoryPubNub";

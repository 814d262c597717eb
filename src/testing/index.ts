export type {
  PresenceEventData,
  PresenceSettings,
} from "./emulator/presence";
export {
  type EmulatorFault,
  type EmulatorRequest,
  type Envelope,
  PubNubEmulator,
  type PubNubEmulatorOptions,
} from "./emulator/pubnubEmulator";
export { type EmulatorAnswer, NETWORK_ERROR } from "./emulator/responses";
export type {
  MemoryMessage,
  MemoryPublishOptions,
  MemoryStatus,
} from "./memory/memoryNetwork";
export { MemoryNetwork } from "./memory/memoryNetwork";
export type {
  MemoryListener,
  MemoryPubNubOptions,
} from "./memory/memoryPubNub";
export {
  MemoryPubNub,
  MemoryPubNubError,
  MemorySubscription,
} from "./memory/memoryPubNub";

// "@refinedev/pubnub/testing": test doubles for an app's tests, never part
// of an app bundle. msw's handlers are in "./testing/msw" and the local
// server in "./testing/server", so this entry needs neither msw nor Node.

// The emulator of PubNub's REST protocol, for the real SDK end to end; its
// options, the requests it logs, the faults it injects and what it answers.
export type {
  EmulatorPresenceEvent,
  EmulatorPresenceSettings,
} from "./emulator/presence";
export {
  type EmulatorEnvelope,
  type EmulatorFault,
  type EmulatorRequest,
  PubNubEmulator,
  type PubNubEmulatorOptions,
} from "./emulator/pubnubEmulator";
export {
  EMULATOR_NETWORK_ERROR,
  type EmulatorAnswer,
} from "./emulator/responses";
// The in-memory stand-in for unit tests: a client and the "cloud" it talks
// to, synchronous to set up.
export type {
  MemoryMessage,
  MemoryPublishOptions,
  MemoryStatus,
} from "./memory/memoryNetwork";
export { MemoryNetwork } from "./memory/memoryNetwork";
export type {
  MemoryHereNow,
  MemoryListener,
  MemoryPubNubOptions,
} from "./memory/memoryPubNub";
export {
  MemoryPubNub,
  MemoryPubNubError,
  MemorySubscription,
} from "./memory/memoryPubNub";

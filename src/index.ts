// The public API of "@refinedev/pubnub". Each group says why it is here;
// anything not exported is internal and may change in any release.

// The wire format and channel mapping, for code that reads or writes live
// events on PubNub without a provider (a backend, a worker, a test).
export { fromPubNubChannel, toPubNubChannel } from "./channelName";
// The connection state, for a "Live / Reconnecting…" badge outside React
// ("./react" wraps it in useConnectionState).
export type {
  ConnectionState,
  ConnectionStatus,
  ConnectionStore,
} from "./connection/connectionState";
// What `onError` receives: narrow a `LiveError` by `category`, then by
// `reason`. The classes are exported for `instanceof`. PresenceError lives
// in "./presence" and GrantError in "./server", next to the code that throws
// them, so an app that uses neither does not bundle them.
export { AccessDeniedError } from "./errors/AccessDeniedError";
export { CallbackError } from "./errors/CallbackError";
export { ChannelNameError } from "./errors/ChannelNameError";
export { ConnectionError } from "./errors/ConnectionError";
export { DisposedError } from "./errors/DisposedError";
export { InvalidMessageError } from "./errors/InvalidMessageError";
export type { LiveError } from "./errors/LiveError";
export { PublishError } from "./errors/PublishError";
export {
  isPubNubLiveError,
  PubNubLiveError,
  type PubNubLiveErrorCategory,
} from "./errors/PubNubLiveError";
export { SubscribeError } from "./errors/SubscribeError";
// The provider: what an app passes to <Refine liveProvider={...}>.
export type { LiveSubscription, PubNubLiveProvider } from "./liveProvider";
export { liveProvider } from "./liveProvider";
// The part of a PubNub client the provider uses, for a custom client or a
// hand-written mock ("./testing" has a ready one).
export type {
  PubNubClient,
  PubNubClientListener,
  PubNubMessageEvent,
  PubNubPayload,
  PubNubStatusEvent,
  PubNubSubscription,
} from "./pubnubClient";
// PubNub's limits as the provider enforces them, to validate names and
// payloads ahead of time.
export {
  MAX_CHANNEL_NAME_LENGTH,
  PUBLISH_BUDGET,
  PUBNUB_MESSAGE_LIMIT,
} from "./pubnubLimits";
export type { LiveProviderOptions } from "./types";
export type { LiveMessage } from "./wireFormat";
export { decodeLiveMessage, encodeLiveEvent } from "./wireFormat";

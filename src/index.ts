export { fromPubNubChannel, toPubNubChannel } from "./channelName";
export type {
  ConnectionState,
  ConnectionStatus,
  ConnectionStore,
} from "./connection/connectionState";
export {
  AccessDeniedError,
  type AccessDeniedErrorContext,
} from "./errors/AccessDeniedError";
export {
  CallbackError,
  type CallbackErrorContext,
  type CallbackName,
} from "./errors/CallbackError";
export { ChannelNameError } from "./errors/ChannelNameError";
export {
  ConnectionError,
  type ConnectionErrorContext,
  type ConnectionErrorReason,
} from "./errors/ConnectionError";
export {
  DisposedError,
  type DisposedErrorContext,
} from "./errors/DisposedError";
export { InvalidMessageError } from "./errors/InvalidMessageError";
export { MessageTooLargeError } from "./errors/MessageTooLargeError";
export { PublishError, type PublishErrorContext } from "./errors/PublishError";
export type {
  PubNubLiveErrorCategory,
  PubNubLiveErrorDetails,
} from "./errors/PubNubLiveError";
export {
  isPubNubLiveError,
  PubNubLiveError,
} from "./errors/PubNubLiveError";
export {
  SubscribeError,
  type SubscribeErrorContext,
} from "./errors/SubscribeError";
export { SubscriberCallbackError } from "./errors/SubscriberCallbackError";
export type { LiveSubscription, PubNubLiveProvider } from "./liveProvider";
export { liveProvider } from "./liveProvider";
export type {
  PubNubClient,
  PubNubClientListener,
  PubNubMessageEvent,
  PubNubPayload,
  PubNubStatusEvent,
  PubNubSubscription,
} from "./pubnubClient";
export {
  MAX_CHANNEL_NAME_LENGTH,
  PUBLISH_BUDGET,
  PUBNUB_MESSAGE_LIMIT,
} from "./pubnubLimits";
export type { LiveProviderOptions } from "./types";
export type { LiveMessage } from "./wireFormat";
export { decodeLiveMessage, encodeLiveEvent } from "./wireFormat";

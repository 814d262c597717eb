export {
  fromPubNubChannel,
  MAX_CHANNEL_NAME_LENGTH,
  toPubNubChannel,
} from "./channelName";
export type {
  ConnectionState,
  ConnectionStatus,
  ConnectionStore,
} from "./connectionState";
export { ChannelNameError } from "./errors/ChannelNameError";
export { ConnectionError } from "./errors/ConnectionError";
export { InvalidMessageError } from "./errors/InvalidMessageError";
export { MessageTooLargeError } from "./errors/MessageTooLargeError";
export { PublishError } from "./errors/PublishError";
export type {
  PubNubLiveErrorCategory,
  PubNubLiveErrorDetails,
} from "./errors/PubNubLiveError";
export {
  isPubNubLiveError,
  PubNubLiveError,
} from "./errors/PubNubLiveError";
export { SubscribeError } from "./errors/SubscribeError";
export { SubscriberCallbackError } from "./errors/SubscriberCallbackError";
export type { LiveSubscription, PubNubLiveProvider } from "./liveProvider";
export { liveProvider } from "./liveProvider";
export { PUBLISH_BUDGET, PUBNUB_MESSAGE_LIMIT } from "./publishSize";
export type {
  PubNubClient,
  PubNubClientListener,
  PubNubMessageEvent,
  PubNubPayload,
  PubNubStatusEvent,
  PubNubSubscription,
} from "./pubnubClient";
export type { LiveProviderOptions } from "./types";
export type { LiveMessage } from "./wireFormat";
export { decodeLiveMessage, encodeLiveEvent } from "./wireFormat";

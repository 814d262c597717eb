export {
  fromPubNubChannel,
  MAX_CHANNEL_NAME_LENGTH,
  toPubNubChannel,
} from "./channelName";
export { ChannelNameError } from "./errors/ChannelNameError";
export { InvalidMessageError } from "./errors/InvalidMessageError";
export { MessageTooLargeError } from "./errors/MessageTooLargeError";
export { PublishError } from "./errors/PublishError";
export {
  isPubNubLiveError,
  PubNubLiveError,
} from "./errors/PubNubLiveError";
export { SubscribeError } from "./errors/SubscribeError";
export { SubscriberCallbackError } from "./errors/SubscriberCallbackError";
export { liveProvider } from "./liveProvider";
export { PUBLISH_BUDGET, PUBNUB_MESSAGE_LIMIT } from "./publishSize";
export { decodeLiveMessage, encodeLiveEvent } from "./wireFormat";

export type {
  PubNubLiveErrorCategory,
  PubNubLiveErrorDetails,
} from "./errors/PubNubLiveError";
export type { LiveSubscription, PubNubLiveProvider } from "./liveProvider";
export type {
  PubNubClient,
  PubNubMessageEvent,
  PubNubSubscription,
} from "./pubnubClient";
export type { LiveProviderOptions } from "./types";
export type { LiveMessage } from "./wireFormat";

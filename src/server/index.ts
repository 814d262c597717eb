export { toPubNubChannel } from "../channelName";
export { ChannelNameError } from "../errors/ChannelNameError";
export { GrantError, type GrantErrorContext } from "../errors/GrantError";
export { MessageTooLargeError } from "../errors/MessageTooLargeError";
export { PublishError } from "../errors/PublishError";
export type {
  GrantLiveTokenOptions,
  PubNubGrantClient,
} from "./grantLiveToken";
export { grantLiveToken } from "./grantLiveToken";
export type {
  PublishLiveEventOptions,
  ServerLiveEvent,
} from "./publishLiveEvent";
export { publishLiveEvent } from "./publishLiveEvent";

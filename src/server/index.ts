export { toPubNubChannel } from "../channelName";
// What grantLiveToken and publishLiveEvent throw.
export { ChannelNameError } from "../errors/ChannelNameError";
export { GrantError } from "../errors/GrantError";
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

/** PubNub's limit on a published message, URL-encoded, channel included. */
export const PUBNUB_MESSAGE_LIMIT = 32_768;

/** The longest channel name PubNub accepts, in characters. */
export const MAX_CHANNEL_NAME_LENGTH = 92;

/**
 * The size the provider keeps each publish under: the limit less 2 KiB for
 * the rest of the publish URL (keys, userId, an Access Manager token and the
 * SDK's own query parameters).
 */
export const PUBLISH_BUDGET = 30_720; // PUBNUB_MESSAGE_LIMIT - 2048

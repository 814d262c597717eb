import { MessageTooLargeError } from "./errors/MessageTooLargeError";
import { type LiveMessage, shrinkingForms } from "./wireFormat";

/** PubNub's limit on a published message, URL-encoded, channel included. */
export const PUBNUB_MESSAGE_LIMIT = 32 * 1024;
// Room left for the rest of the publish URL: keys, userId, an Access Manager
// token and the SDK's own query parameters.
const URL_ALLOWANCE = 2 * 1024;
/** The size the provider keeps each publish under. */
export const PUBLISH_BUDGET = PUBNUB_MESSAGE_LIMIT - URL_ALLOWANCE;

/** URL-encoding as the PubNub SDK applies it to publish URLs. */
export function pubnubEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!~*'()]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The size PubNub counts for a publish: channel, message and meta, encoded. */
export function publishSize(
  channel: string,
  message: unknown,
  meta?: unknown,
): number {
  return (
    pubnubEncode(channel).length +
    pubnubEncode(JSON.stringify(message)).length +
    (meta === undefined ? 0 : pubnubEncode(JSON.stringify(meta)).length)
  );
}

/**
 * The largest form of `message` that fits the publish budget.
 *
 * @throws {MessageTooLargeError} when not even `{ type, payload: {} }` fits.
 */
export function fitLiveMessage(
  refineChannel: string,
  channel: string,
  message: LiveMessage,
  meta: unknown,
  budget: number = PUBLISH_BUDGET,
): LiveMessage {
  let size = 0;
  for (const form of shrinkingForms(message)) {
    size = publishSize(channel, form, meta);
    if (size <= budget) return form;
  }
  throw new MessageTooLargeError(refineChannel, size, budget);
}

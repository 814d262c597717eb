import { MessageTooLargeError } from "./errors/MessageTooLargeError";
import { type LiveMessage, shrinkingForms } from "./wireFormat";

/** PubNub's limit on a published message, URL-encoded, channel included. */
export const PUBNUB_MESSAGE_LIMIT = 32 * 1024;
/**
 * The size the provider keeps each publish under: the limit less 2 KiB for
 * the rest of the publish URL (keys, userId, an Access Manager token and the
 * SDK's own query parameters).
 */
export const PUBLISH_BUDGET = PUBNUB_MESSAGE_LIMIT - 2 * 1024;

// URL-encoding as the PubNub SDK applies it to publish URLs.
function encodedLength(text: string): number {
  return encodeURIComponent(text).replace(/[!~*'()]/g, "%XX").length;
}

/** The size PubNub counts for a publish: channel, message and meta, encoded. */
export function publishSize(
  channel: string,
  message: unknown,
  meta?: unknown,
): number {
  return (
    encodedLength(channel) +
    encodedLength(JSON.stringify(message)) +
    (meta === undefined ? 0 : encodedLength(JSON.stringify(meta)))
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

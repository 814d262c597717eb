import type { LiveEvent } from "@refinedev/core";
import { toPubNubChannel } from "./channelName";
import { PublishError } from "./errors/PublishError";
import type { PubNubPayload } from "./pubnubClient";
import { PUBLISH_BUDGET } from "./pubnubLimits";
import { encodeLiveEvent, type LiveMessage } from "./wireFormat";

/**
 * The PubNub channel and message for a refine event: type check, channel
 * mapping, encoding and size guard. The one path shared by the browser
 * provider and the server helper, so both send the same thing.
 *
 * @throws {PublishError} for an event without a type (`no-type`), or when
 * not even the event's type fits (`too-large`)
 * @throws {ChannelNameError} for a channel that cannot be mapped
 */
export function preparePublish(
  event: LiveEvent,
  namespace: string | undefined,
  meta?: Record<string, unknown>,
): { channel: string; message: PubNubPayload } {
  if (typeof event?.type !== "string" || event.type === "") {
    const { channel } = Object(event);
    throw new PublishError({
      channel: typeof channel === "string" ? channel : undefined,
      reason: "no-type",
    });
  }
  const channel = toPubNubChannel(event.channel, namespace);
  const message = fitLiveMessage(
    event.channel,
    channel,
    encodeLiveEvent(event),
    meta,
  );
  return { channel, message: message as unknown as PubNubPayload };
}

/**
 * Smaller forms of a message, from the full one down to `{ type, payload: {} }`,
 * for when it does not fit PubNub's size limit. Each drops what receivers
 * can most easily do without (the record in `data` first); an event without
 * `changed` or `ids` still refetches more, so nothing goes stale.
 */
export function shrinkingForms(message: LiveMessage): LiveMessage[] {
  const { type, payload = {}, date, meta } = message;
  const { data: _, ...withoutData } = payload;
  const kept = {
    type,
    date,
    meta:
      meta?.dataProviderName === undefined
        ? undefined
        : { dataProviderName: meta.dataProviderName },
  };
  return [
    message,
    { ...kept, payload },
    { ...kept, payload: withoutData },
    { ...kept, payload: payload.ids === undefined ? {} : { ids: payload.ids } },
    { type, date, payload: {} },
    { type, payload: {} },
  ];
}

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
 * @throws {PublishError} (`too-large`) when not even `{ type, payload: {} }` fits.
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
  throw new PublishError({
    reason: "too-large",
    channel: refineChannel,
    size,
    limit: budget,
  });
}

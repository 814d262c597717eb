import type { BaseKey } from "@refinedev/core";
import { PublishError } from "../errors/PublishError";
import { preparePublish } from "../preparePublish";
import type { PubNubClient } from "../pubnubClient";

/** A change to announce to refine apps, as a backend knows it. */
export interface ServerLiveEvent {
  /** The refine resource, e.g. `"posts"` for the channel `resources/posts`. */
  resource?: string;
  /** A refine channel, for events outside `resources/…`; wins over `resource`. */
  channel?: string;
  /** `"created"`, `"updated"`, `"deleted"`, `"*"` or a custom type. */
  type: string;
  /** Ids of the records that changed; becomes `payload.ids`. */
  ids?: BaseKey[];
  /** More payload for `onLiveEvent` handlers. */
  payload?: Record<string, unknown>;
  /** E.g. `{ dataProviderName: "cms" }`. */
  meta?: Record<string, unknown>;
  /** @default new Date() */
  date?: Date;
}

/** Options of {@link publishLiveEvent}. */
export interface PublishLiveEventOptions {
  /** The browsers' `liveProvider` namespace, if they use one. */
  namespace?: string;
}

/**
 * Publishes a refine live event from a backend, exactly as the browser
 * provider reads it (same channel mapping, wire format and size guard).
 *
 * @returns the PubNub channel and the publish timetoken
 * @throws {ChannelNameError} for a channel that cannot be mapped
 * @throws {MessageTooLargeError} when not even the event's type fits
 * @throws {PublishError} when PubNub refuses the publish
 * @example
 * await publishLiveEvent(pubnub, { resource: "posts", type: "updated", ids: [1] });
 */
export async function publishLiveEvent(
  pubnub: Pick<PubNubClient, "publish">,
  event: ServerLiveEvent,
  options: PublishLiveEventOptions = {},
): Promise<{ channel: string; timetoken: string }> {
  const refineChannel =
    event?.channel ??
    (event?.resource === undefined ? undefined : `resources/${event.resource}`);
  if (refineChannel === undefined) {
    throw new PublishError({ reason: "no-channel" });
  }
  const payload =
    event.ids === undefined
      ? { ...event.payload }
      : { ...event.payload, ids: event.ids };
  const { channel, message } = preparePublish(
    {
      channel: refineChannel,
      type: event.type,
      payload,
      date: event.date ?? new Date(),
      ...(event.meta === undefined ? {} : { meta: event.meta }),
    },
    options.namespace,
  );
  try {
    const response = (await pubnub.publish({
      channel,
      message,
    })) as { timetoken?: unknown } | undefined;
    return { channel, timetoken: String(response?.timetoken ?? "") };
  } catch (cause) {
    throw new PublishError({
      reason: "refused",
      channel: refineChannel,
      cause,
    });
  }
}

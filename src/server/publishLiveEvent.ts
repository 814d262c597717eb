import type { BaseKey } from "@refinedev/core";
import { PublishError } from "../errors/PublishError";
import { isFieldList } from "../fieldList";
import { isPlainObject } from "../jsonSafe";
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
  /**
   * For `updated`: the fields that changed, dotted for nested ones (e.g.
   * `["title", "author.name"]`); becomes `payload.changed`. Clients whose
   * queries read none of them can skip a refetch ("Wire format", README).
   */
  changed?: string[];
  /**
   * The record after the change (`updated`), or the new record (`created`);
   * becomes `payload.data`. Dropped first when the event is too large.
   */
  data?: Record<string, unknown>;
  /** More payload for `onLiveEvent` handlers. */
  payload?: Record<string, unknown>;
  /** E.g. `{ dataProviderName: "cms" }`. */
  meta?: Record<string, unknown>;
  /** @default new Date() */
  date?: Date;
}

/** The event's `payload`, with `ids`, `changed` and `data` put in. */
function payloadOf(
  event: ServerLiveEvent,
  channel: string,
): Record<string, unknown> {
  const { ids, changed, data } = event;
  if (changed !== undefined && !isFieldList(changed)) {
    throw new PublishError({ reason: "bad-changed", channel });
  }
  if (data !== undefined && !isPlainObject(data)) {
    throw new PublishError({ reason: "bad-data", channel });
  }
  const payload: Record<string, unknown> = { ...event.payload };
  if (ids !== undefined) payload.ids = ids;
  if (changed !== undefined) payload.changed = changed;
  if (data !== undefined) payload.data = data;
  return payload;
}

/** Options of {@link publishLiveEvent}. */
export interface PublishLiveEventOptions {
  /** The browsers' `liveProvider` namespace, if they use one. */
  namespace?: string;
  /**
   * The `senderId` of the browser whose request caused the change
   * (`provider.senderId`, sent along with the request): that browser
   * ignores the event as its own (`ignoreOwnEvents`), every other one gets it.
   */
  sender?: string;
}

/**
 * Publishes a refine live event from a backend, exactly as the browser
 * provider reads it (same channel mapping, wire format and size guard).
 *
 * @returns the PubNub channel and the publish timetoken
 * @throws {ChannelNameError} for a channel that cannot be mapped
 * @throws {PublishError} when the event names no channel (`no-channel`) or
 * no type (`no-type`), its `changed`, `data` or `sender` is malformed
 * (`bad-changed`, `bad-data`, `bad-sender`), not even its type fits
 * (`too-large`), or PubNub refuses the publish (`refused`)
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
  const payload = payloadOf(event, refineChannel);
  const { sender } = options;
  if (sender !== undefined && (typeof sender !== "string" || sender === "")) {
    throw new PublishError({ reason: "bad-sender", channel: refineChannel });
  }
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
      ...(sender === undefined ? {} : { meta: { sender } }),
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

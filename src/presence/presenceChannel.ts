import type { BaseKey } from "@refinedev/core";
import { escapeChannelPart, toPubNubChannel } from "../channelName";
import { ChannelNameError } from "../errors/ChannelNameError";
import { MAX_CHANNEL_NAME_LENGTH } from "../pubnubLimits";

/** Who is on a record (with `id`), or on a resource's list (without). */
export interface PresenceTarget {
  resource: string;
  id?: BaseKey | undefined;
}

/** PubNub's suffix for the channel that carries a channel's presence events. */
export const PRESENCE_EVENTS_SUFFIX = "-pnpres";

/** The last segment of a resource's list presence: no escaped id can be it. */
const LIST = "~all";

/**
 * The PubNub channel whose presence stands for `target`: the live channel
 * of its resource plus one segment, the escaped id (or `~all` for the list).
 * Live channels have one segment fewer, so the two never collide, and the
 * provider's live subscriptions never make anyone present.
 *
 * @example
 * toPresenceChannel({ resource: "posts", id: 1 }) // "resources.posts.1"
 * toPresenceChannel({ resource: "posts" })        // "resources.posts.~all"
 * @throws {ChannelNameError} for a resource or id that cannot be mapped, or
 * a name that with `-pnpres` would exceed PubNub's 92 characters.
 */
export function toPresenceChannel(
  target: PresenceTarget,
  namespace?: string,
): string {
  const { resource, id } = Object(target) as Partial<PresenceTarget>;
  if (typeof resource !== "string" || resource === "") {
    throw new ChannelNameError({ reason: "no-resource", channel: resource });
  }
  const validId =
    id === undefined ||
    (typeof id === "string" && id !== "") ||
    Number.isFinite(id);
  if (!validId) {
    throw new ChannelNameError({ reason: "bad-id", channel: id });
  }
  const live = toPubNubChannel(`resources/${resource}`, namespace);
  const name = `${live}.${id === undefined ? LIST : escapeChannelPart(String(id))}`;
  const limit = MAX_CHANNEL_NAME_LENGTH - PRESENCE_EVENTS_SUFFIX.length;
  if ([...name].length > limit) {
    throw new ChannelNameError({
      reason: "too-long",
      channel: `resources/${resource}`,
      pubnubChannel: name,
      limit,
    });
  }
  return name;
}

import type { LiveEvent } from "@refinedev/core";
import { toPubNubChannel } from "./channelName";
import { PublishError } from "./errors/PublishError";
import { describeCause } from "./errors/PubNubLiveError";
import { fitLiveMessage } from "./publishSize";
import type { PubNubPayload } from "./pubnubClient";
import { encodeLiveEvent } from "./wireFormat";

/**
 * The PubNub channel and message for a refine event: the one path shared by
 * the browser provider and the server helper, so both send the same thing.
 *
 * @throws {PublishError} for an event without a type
 * @throws {ChannelNameError} for a channel that cannot be mapped
 * @throws {MessageTooLargeError} when not even the event's type fits
 */
export function preparePublish(
  event: LiveEvent,
  namespace: string | undefined,
  meta?: Record<string, unknown>,
): { channel: string; message: PubNubPayload } {
  if (typeof event?.type !== "string" || event.type === "") {
    throw new PublishError(
      describeCause(event?.channel),
      "the event has no type (a non-empty string).",
    );
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

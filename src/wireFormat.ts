import type { LiveEvent } from "@refinedev/core";
import {
  InvalidMessageError,
  type InvalidMessageErrorReason,
} from "./errors/InvalidMessageError";
import { hasProtoKey, isPlainObject, toJsonSafe } from "./jsonSafe";

// The wire format both ways: what a refine event becomes on PubNub
// (encodeLiveEvent) and what a PubNub message means to refine
// (decodeLiveMessage). "Wire format" in the README documents it.

/**
 * A refine live event as it travels through PubNub: the `message` of a
 * publish. Only `type` is required; see "Wire format" in the README.
 */
export interface LiveMessage {
  /** `created`, `updated`, `deleted`, `*` or a custom type. */
  type: string;
  /** `ids` (strings or numbers) plus anything else the publisher adds. */
  payload?: Record<string, unknown>;
  /** ISO 8601 with a time zone; receivers fall back to the PubNub timetoken. */
  date?: string | undefined;
  /** JSON-safe meta, at least `dataProviderName` when refine sent one. */
  meta?: Record<string, unknown> | undefined;
}

/** The JSON-safe message the provider publishes for a refine event. */
export function encodeLiveEvent(event: LiveEvent): LiveMessage {
  const payload = toJsonSafe(event.payload);
  const date = toJsonSafe(event.date ?? new Date());
  const meta = toJsonSafe(event.meta);
  const message: LiveMessage = {
    type: event.type,
    payload: isPlainObject(payload) ? payload : {},
  };
  if (typeof date === "string") message.date = date;
  if (isPlainObject(meta) && Object.keys(meta).length > 0) message.meta = meta;
  return message;
}

const ISO_DATE_TIME =
  /^(?:[+-]\d{6}|\d{4})-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/;

function isBaseKey(value: unknown): boolean {
  return typeof value === "string" || Number.isFinite(value);
}

/** Why `message` is not a live event, or `undefined` when it is one. */
function invalidReason(
  message: unknown,
): InvalidMessageErrorReason | undefined {
  if (!isPlainObject(message)) return "not-an-object";
  if (hasProtoKey(message)) return "proto-key";
  const { type, payload = {}, meta } = message;
  if (typeof type !== "string" || type === "") return "no-type";
  if (!isPlainObject(payload)) return "bad-payload";
  const { ids } = payload;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every(isBaseKey))) {
    return "bad-ids";
  }
  if (meta !== undefined && !isPlainObject(meta)) return "bad-meta";
  return undefined;
}

/**
 * When the event happened: its ISO 8601 `date` (with a time zone, so every
 * reader agrees), else the PubNub timetoken, which counts 0.1 µs: its digits
 * but the last four are milliseconds.
 */
function eventDate(date: unknown, timetoken: string): Date {
  const sent =
    typeof date === "string" && ISO_DATE_TIME.test(date)
      ? new Date(date)
      : undefined;
  return sent && !Number.isNaN(sent.getTime())
    ? sent
    : new Date(Number(timetoken.slice(0, -4)) || Date.now());
}

/**
 * The refine `LiveEvent` a PubNub message stands for.
 *
 * @throws {InvalidMessageError} when the message is not a live event.
 */
export function decodeLiveMessage(
  message: unknown,
  channel: string,
  timetoken: string,
): LiveEvent {
  const reason = invalidReason(message);
  if (reason) {
    throw new InvalidMessageError({
      reason,
      channel,
      receivedMessage: message,
    });
  }
  const { type, payload = {}, date, meta } = message as LiveMessage;
  const event: LiveEvent = {
    channel,
    type,
    payload,
    date: eventDate(date, timetoken),
  };
  if (meta !== undefined) event.meta = meta;
  return event;
}

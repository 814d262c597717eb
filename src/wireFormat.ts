import type { LiveEvent } from "@refinedev/core";
import { InvalidMessageError } from "./errors/InvalidMessageError";
import { hasProtoKey, isPlainObject, toJsonSafe } from "./jsonSafe";

/**
 * A refine live event as it travels through PubNub: the `message` of a
 * publish. Only `type` is required; see "Wire format" in the README.
 */
export interface LiveMessage {
  /** `created`, `updated`, `deleted`, `*` or a custom type. */
  type: string;
  /** `ids` (strings or numbers) plus anything else the publisher adds. */
  payload?: Record<string, unknown>;
  /** ISO 8601; receivers fall back to the PubNub timetoken. */
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

/**
 * Smaller forms of a message, from the full one down to `{ type, payload: {} }`,
 * for when it does not fit PubNub's size limit. Each drops what receivers
 * can most easily do without; an event without `ids` still refetches the
 * whole resource, so nothing goes stale.
 */
export function shrinkingForms(message: LiveMessage): LiveMessage[] {
  const { type, payload = {}, date, meta } = message;
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
    { ...kept, payload: payload.ids === undefined ? {} : { ids: payload.ids } },
    { type, date, payload: {} },
    { type, payload: {} },
  ];
}

function isBaseKey(value: unknown): boolean {
  return typeof value === "string" || Number.isFinite(value);
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
  const { type, payload = {}, date, meta } = Object(message);
  const reason = !isPlainObject(message)
    ? "not a JSON object"
    : hasProtoKey(message)
      ? "a __proto__ key"
      : typeof type !== "string" || type === ""
        ? '"type" is not a non-empty string'
        : !isPlainObject(payload)
          ? '"payload" is not an object'
          : payload.ids !== undefined &&
              !(Array.isArray(payload.ids) && payload.ids.every(isBaseKey))
            ? '"payload.ids" is not an array of strings or numbers'
            : meta !== undefined && !isPlainObject(meta)
              ? '"meta" is not an object'
              : undefined;
  if (reason) throw new InvalidMessageError(channel, reason, message);
  const sent =
    typeof date === "string" || typeof date === "number"
      ? new Date(date)
      : undefined;
  // A timetoken counts 0.1 µs: its digits but the last four are milliseconds.
  const received =
    sent && !Number.isNaN(sent.getTime())
      ? sent
      : new Date(Number(timetoken.slice(0, -4)) || Date.now());
  const event: LiveEvent = { channel, type, payload, date: received };
  if (meta !== undefined) event.meta = meta;
  return event;
}

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
  date?: string;
  /** JSON-safe meta, at least `dataProviderName` when refine sent one. */
  meta?: Record<string, unknown>;
}

/** The JSON-safe message the provider publishes for a refine event. */
export function encodeLiveEvent(event: LiveEvent): LiveMessage {
  const message: LiveMessage = {
    type: event.type,
    payload: (toJsonSafe(event.payload) ?? {}) as Record<string, unknown>,
  };
  const date = toJsonSafe(event.date ?? new Date());
  if (typeof date === "string") message.date = date;
  const meta = toJsonSafe(event.meta);
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
  const { type, date } = message;
  const dated = date === undefined ? {} : { date };
  const dataProviderName = message.meta?.dataProviderName;
  const meta =
    dataProviderName === undefined ? {} : { meta: { dataProviderName } };
  const ids = message.payload?.ids;
  const payload = ids === undefined ? {} : { ids };
  return [
    message,
    { type, payload: message.payload ?? {}, ...dated, ...meta },
    { type, payload, ...dated, ...meta },
    { type, payload: {}, ...dated },
    { type, payload: {} },
  ];
}

function isBaseKey(value: unknown): value is string | number {
  return (
    typeof value === "string" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

// A timetoken counts 0.1 µs: its digits but the last four are milliseconds.
function timetokenDate(timetoken: string): Date {
  const milliseconds = Number(timetoken.slice(0, -4));
  return timetoken.length > 4 && Number.isInteger(milliseconds)
    ? new Date(milliseconds)
    : new Date();
}

function readDate(value: unknown, timetoken: string): Date {
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return timetokenDate(timetoken);
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
  const invalid = (reason: string) =>
    new InvalidMessageError(channel, reason, message);
  if (!isPlainObject(message)) throw invalid("it is not a JSON object");
  if (hasProtoKey(message)) throw invalid("it contains a __proto__ key");
  const { type, payload = {}, date, meta } = message;
  if (typeof type !== "string" || type === "") {
    throw invalid('"type" must be a non-empty string');
  }
  if (!isPlainObject(payload)) throw invalid('"payload" must be an object');
  const { ids } = payload;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every(isBaseKey))) {
    throw invalid('"payload.ids" must be an array of strings or numbers');
  }
  if (meta !== undefined && !isPlainObject(meta)) {
    throw invalid('"meta" must be an object');
  }
  const event: LiveEvent = {
    channel,
    type,
    payload,
    date: readDate(date, timetoken),
  };
  if (meta !== undefined) event.meta = meta;
  return event;
}

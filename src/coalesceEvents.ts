import type { BaseKey, LiveEvent } from "@refinedev/core";

/** An event that says only which records changed: `payload` is `{ ids? }`. */
function idsOnly(event: LiveEvent): boolean {
  const keys = Object.keys(event.payload ?? {});
  return keys.length === 0 || (keys.length === 1 && keys[0] === "ids");
}

function sameMeta(a: LiveEvent, b: LiveEvent): boolean {
  return JSON.stringify(a.meta) === JSON.stringify(b.meta);
}

/**
 * Whether `next` can join `previous`: same type and meta, both only ids,
 * and both with ids or both without (an event without ids means every
 * record, so it does not merge with one that names some).
 */
function canMerge(previous: LiveEvent, next: LiveEvent): boolean {
  return (
    previous.type === next.type &&
    idsOnly(previous) &&
    idsOnly(next) &&
    Array.isArray(previous.payload?.ids) === Array.isArray(next.payload?.ids) &&
    sameMeta(previous, next)
  );
}

/** The ids of both, in order, each once (`1` and `"1"` are one record). */
function unionIds(a: BaseKey[], b: BaseKey[]): BaseKey[] {
  const seen = new Set(a.map(String));
  return [
    ...a,
    ...b.filter((id) => !seen.has(String(id)) && seen.add(String(id))),
  ];
}

function merge(previous: LiveEvent, next: LiveEvent): LiveEvent {
  const ids: BaseKey[] | undefined = previous.payload?.ids;
  return {
    ...next,
    payload: ids ? { ids: unionIds(ids, next.payload?.ids ?? []) } : {},
  };
}

/**
 * Events that arrived together, as few as say the same: each run of
 * consecutive events of one type whose payload holds only `ids` becomes one
 * event with the union of their ids and the date of the last. Every other
 * event stays as it is, in order.
 */
export function coalesceEvents(events: readonly LiveEvent[]): LiveEvent[] {
  const merged: LiveEvent[] = [];
  for (const event of events) {
    const previous = merged.at(-1);
    if (previous && canMerge(previous, event)) {
      merged[merged.length - 1] = merge(previous, event);
    } else {
      merged.push(event);
    }
  }
  return merged;
}

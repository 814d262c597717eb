import type { BaseKey, LiveEvent } from "@refinedev/core";

/**
 * An event that says only which records changed, and maybe which of their
 * fields: `payload` is `{ ids?, changed? }`.
 */
function idsOnly(event: LiveEvent): boolean {
  const { ids, changed, ...rest } = event.payload ?? {};
  return (
    Object.keys(rest).length === 0 &&
    (changed === undefined || Array.isArray(changed))
  );
}

function sameMeta(a: LiveEvent, b: LiveEvent): boolean {
  return JSON.stringify(a.meta) === JSON.stringify(b.meta);
}

/**
 * Whether `next` can join `previous`: same type and meta, both only ids
 * (and changed fields), and both with ids or both without (an event without
 * ids means every record, so it does not merge with one that names some).
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

/**
 * The ids of both. The fields that changed are the union of both, and
 * unknown (so any field) when one of them does not say.
 */
function merge(previous: LiveEvent, next: LiveEvent): LiveEvent {
  const ids: BaseKey[] | undefined = previous.payload?.ids;
  const before: unknown[] | undefined = previous.payload?.changed;
  const after: unknown[] | undefined = next.payload?.changed;
  const payload: Record<string, unknown> = ids
    ? { ids: unionIds(ids, next.payload?.ids ?? []) }
    : {};
  if (before && after) payload.changed = [...new Set([...before, ...after])];
  return { ...next, payload };
}

/**
 * Events that arrived together, as few as say the same: each run of
 * consecutive events of one type whose payload holds only `ids` (and
 * `changed`) becomes one event with the union of their ids, the union of
 * their changed fields (none when one of them does not name its fields) and
 * the date of the last. Every other event stays as it is, in order: one
 * that carries `data` keeps its record.
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

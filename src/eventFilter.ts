import type { BaseKey, LiveEvent } from "@refinedev/core";

/** What a refine subscriber asked to hear about. */
export interface EventFilter {
  /** Event types; `undefined` means all (see {@link typeFilter}). */
  types?: ReadonlySet<string> | undefined;
  /** Record ids as strings; `undefined` means every record. */
  ids?: ReadonlySet<string> | undefined;
}

/**
 * The ids a subscriber watches, from refine's `params`: `params.ids` when it
 * lists some, else `params.id` (refine's `useOne` sends `ids: []` for the
 * id `0`), else every record.
 */
export function watchedIds(
  params: { ids?: unknown; id?: unknown } | undefined,
): Set<string> | undefined {
  const ids = Array.isArray(params?.ids) ? params.ids : [];
  const chosen =
    ids.length > 0
      ? ids
      : params?.id === undefined || params.id === null || params.id === ""
        ? []
        : [params.id];
  return chosen.length > 0 ? new Set(chosen.map(String)) : undefined;
}

/** The type filter for refine's `types`: `undefined` when it has `"*"`. */
export function typeFilter(types: unknown): Set<string> | undefined {
  return Array.isArray(types) && !types.includes("*")
    ? new Set(types.map(String))
    : undefined;
}

/**
 * True when a subscriber with this filter wants the event. Ids compare as
 * strings (refine passes `"1"` from routes and `1` from responses);
 * `created` events and events without ids pass the id filter. Types are
 * always honoured: an event of type `"*"` (a resync included) reaches only
 * subscribers whose `types` include `"*"`.
 */
export function matchesFilter(filter: EventFilter, event: LiveEvent): boolean {
  const { types, ids } = filter;
  if (types !== undefined && !types.has(event.type)) {
    return false;
  }
  const eventIds: BaseKey[] | undefined = event.payload?.ids;
  if (ids === undefined || event.type === "created" || !eventIds) return true;
  return eventIds.some((id) => ids.has(String(id)));
}

import type { LiveEvent } from "@refinedev/core";
import { isFieldList } from "../fieldList";
import type { QueryLike } from "./liveRefetches";
import { type RefineQuery, refineQueryOf } from "./refineQueryKey";

/** What the app tells `withLiveInvalidation` about one resource. */
export interface LiveResourceOptions {
  /**
   * The fields the server orders the resource's lists by when no sorter is
   * given (e.g. `["createdAt"]`): an update that changes one of them can
   * move rows on every page. @default []
   */
  defaultOrder?: string[] | undefined;
  /**
   * Whether an `updated` event about one record that carries the record
   * after the change (`payload.data`, from `publishLiveEvent`'s `data`)
   * replaces the data of that record's detail queries (`useOne`, `useShow`,
   * `useForm`) in place, with no read. Only for a backend whose `data` is
   * the whole record as `getOne` returns it. Lists and many queries still
   * read by the rules. @default false
   */
  applyData?: boolean | undefined;
}

// refine's filter operators (CrudOperators) that test one field's value:
// eq ne lt gt lte gte, and in ina contains containss between null
// startswith(s) endswith(s) with their negations (nin, ncontains, …).
const FIELD_OPERATOR =
  /^(?:n?(?:ina?|containss?|between|null|startswiths?|endswiths?)|eq|ne|[lg]te?)$/;

/** The ids the event names, as strings; `undefined` for every record. */
function eventIds(event: LiveEvent): Set<string> | undefined {
  const ids: unknown = event.payload?.ids;
  return Array.isArray(ids) && ids.length > 0
    ? new Set(ids.map(String))
    : undefined;
}

/**
 * Adds the fields `filters` test to `into`; false when one cannot be judged
 * (full-text `q`, an operator that is not about one field's value).
 */
function filteredFields(filters: unknown, into: string[]): boolean {
  if (filters === undefined) return true;
  if (!Array.isArray(filters)) return false;
  return filters.every((filter) => {
    const { field, operator, value } = Object(filter);
    if (operator === "or" || operator === "and") {
      return filteredFields(value, into);
    }
    if (typeof field !== "string" || field === "q") return false;
    if (!FIELD_OPERATOR.test(operator)) return false;
    into.push(field);
    return true;
  });
}

/**
 * The fields a list sorts by (refine 5 `sorters`, refine 4 `sort` too);
 * false when one cannot be read.
 */
function sortedFields(params: Record<string, unknown>, into: string[]) {
  return [params.sorters, params.sort].every((sorters) => {
    if (sorters === undefined) return true;
    if (!Array.isArray(sorters)) return false;
    const fields = sorters.map((sorter) => Object(sorter).field);
    into.push(...fields);
    return fields.every((field) => typeof field === "string");
  });
}

/** One field path inside the other (`author` and `author.name`), or equal. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * The ids of the rows a list (`{ data }`) or infinite list (`{ pages }`)
 * query holds, or `undefined` when that is not known.
 */
function shownIds(query: QueryLike): string[] | undefined {
  if (query.state.fetchStatus === "fetching") return undefined;
  const { data, pages } = Object(query.state.data);
  const rows: unknown = Array.isArray(pages)
    ? pages.flatMap((page) => Object(page).data)
    : data;
  if (!Array.isArray(rows)) return undefined;
  const ids = rows.map((row) => Object(row).id);
  return ids.every((id) => id !== undefined && id !== null)
    ? ids.map(String)
    : undefined;
}

/** Whether an `updated` event that names its fields can change a list. */
function listMayChange(
  list: Extract<RefineQuery, { action: "list" }>,
  query: QueryLike,
  ids: Set<string>,
  changed: string[],
  options: LiveResourceOptions,
): boolean {
  const shown = shownIds(query);
  if (shown === undefined || shown.some((id) => ids.has(id))) return true;
  const fields = [...(options.defaultOrder ?? [])];
  const judged =
    filteredFields(list.params.filters, fields) &&
    sortedFields(list.params, fields);
  return !judged || changed.some((a) => fields.some((b) => overlaps(a, b)));
}

/**
 * Which queries `event` can change, judged once for the event and then per
 * query. Only what can be told from the event and the query key is
 * skipped; anything else reads, so no page is left stale:
 * - a detail or many query reads when it holds one of the event's ids;
 * - a list reads for `created` and `deleted` (pages shift), for `updated`
 *   without `changed`, and for `updated` with `changed` when it shows one of
 *   the ids or sorts, filters or is ordered by a field that changed;
 * - every other event (resync, `*`, custom types) and query reads.
 */
export function queriesChangedBy(
  event: LiveEvent,
  options: LiveResourceOptions = {},
): (query: QueryLike) => boolean {
  const ids = eventIds(event);
  const known = ["created", "updated", "deleted"].includes(event.type);
  if (!known || event.meta?.resync || !ids) return () => true;
  const changed: unknown = event.payload?.changed;
  const fields = event.type === "updated" && isFieldList(changed);
  return (query) => {
    const refine = refineQueryOf(query.queryKey);
    if (!refine) return true;
    if (refine.action === "one") {
      return refine.id === undefined || ids.has(String(refine.id));
    }
    if (refine.action === "many") {
      const held: unknown = refine.ids;
      return !Array.isArray(held) || held.some((id) => ids.has(String(id)));
    }
    return !fields || listMayChange(refine, query, ids, changed, options);
  };
}

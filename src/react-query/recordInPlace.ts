import type { LiveEvent } from "@refinedev/core";
import { isPlainObject } from "../jsonSafe";
import type { LiveResourceOptions } from "./liveEventTargets";
import type { QueryLike } from "./liveRefetches";
import { refineQueryOf } from "./refineQueryKey";

/** A record an event carries in full, for the detail queries of its id. */
export interface RecordInPlace {
  readonly id: string;
  readonly data: object;
}

/**
 * The record an `updated` event carries as `payload.data` for its one id,
 * when the resource opts in with `applyData`; `undefined` otherwise.
 */
export function recordInPlace(
  event: LiveEvent,
  options: LiveResourceOptions | undefined,
): RecordInPlace | undefined {
  if (!options?.applyData || event.type !== "updated" || event.meta?.resync) {
    return undefined;
  }
  const { ids, data } = Object(event.payload);
  if (!Array.isArray(ids) || ids.length !== 1 || !isPlainObject(data)) {
    return undefined;
  }
  const id = String(ids[0]);
  return data.id === undefined || String(data.id) === id
    ? { id, data }
    : undefined;
}

/**
 * Whether `query` is a detail query (`useOne`, `useShow`, `useForm`) of
 * the record that holds data and is not fetching: a running fetch could
 * answer with data older than the event's, so that one reads instead.
 */
export function takesRecord(query: QueryLike, record: RecordInPlace): boolean {
  const refine = refineQueryOf(query.queryKey);
  return (
    refine?.action === "one" &&
    String(refine.id) === record.id &&
    query.state.fetchStatus !== "fetching" &&
    query.state.data !== undefined
  );
}

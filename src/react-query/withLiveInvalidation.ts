import type { LiveEvent } from "@refinedev/core";
import { liveEventBeingDelivered } from "../liveDispatch";
import { type LiveResourceOptions, queriesChangedBy } from "./liveEventTargets";
import {
  LiveRefetches,
  type LiveRefetchStats,
  type QueryCacheLike,
  type QueryLike,
} from "./liveRefetches";
import { recordInPlace, takesRecord } from "./recordInPlace";

/**
 * The part of a TanStack Query (v4 or v5) `QueryClient` that
 * {@link withLiveInvalidation} uses. A `QueryClient` fits it.
 */
export interface LiveInvalidationClient {
  // biome-ignore lint/suspicious/noExplicitAny: TanStack v4's and v5's overloads differ.
  invalidateQueries(...args: any[]): Promise<void>;
  getQueryCache(): QueryCacheLike;
  /** For `applyData`; without it every query reads. */
  // biome-ignore lint/suspicious/noExplicitAny: TanStack's is generic.
  setQueryData?(...args: any[]): unknown;
}

type Filters = Record<string, unknown>;

/** Options of {@link withLiveInvalidation}. */
export interface LiveInvalidationOptions {
  /**
   * Called with the running totals after each live invalidation and each
   * trailing refetch: `requested - performed` is the reads saved. For a
   * debug panel or the dev console. @default undefined (no counting shown)
   */
  onStats?: ((stats: LiveRefetchStats) => void) | undefined;
  /**
   * Refetch only the queries an event can change, judged from the event
   * (`ids`, and `changed` from a backend) and each query's key ("Targeted
   * refetch" in the README). `false` refetches every active query of the
   * resource, as refine does. @default true
   */
  targeted?: boolean | undefined;
  /**
   * Per resource name: the fields the server orders its lists by when no
   * sorter is given, and whether events' `data` updates detail queries in
   * place, e.g. `{ posts: { defaultOrder: ["createdAt"], applyData: true } }`.
   * @default {}
   */
  resources?: Record<string, LiveResourceOptions> | undefined;
}

const ADJUSTED = Symbol.for("@refinedev/pubnub/withLiveInvalidation");

/** TanStack v4 also takes `(queryKey, filters, options)`; v5 `(filters, options)`. */
function filtersOf(args: unknown[]): Filters {
  const [first, second] = args;
  return Array.isArray(first)
    ? { ...(second as Filters | undefined), queryKey: first }
    : { ...(first as Filters | undefined) };
}

/**
 * refine's invalidation in `liveMode: "auto"`: the active queries of a
 * resource, asked for while the provider hands over a live event.
 */
function isLiveInvalidation(filters: Filters): boolean {
  return filters.type === "active" && filters.refetchType === "active";
}

/**
 * Which queries `event` can change, by `options`, after it updated the
 * detail queries of a record it carries (`applyData`) in place.
 */
function targetsOf(
  event: LiveEvent,
  options: LiveInvalidationOptions,
  queryClient: LiveInvalidationClient,
  filters: Filters,
): ((query: QueryLike) => boolean) | undefined {
  const resource =
    options.resources?.[event.channel.replace(/^resources\//, "")];
  const changed =
    options.targeted === false ? undefined : queriesChangedBy(event, resource);
  const record = recordInPlace(event, resource);
  if (record === undefined || queryClient.setQueryData === undefined) {
    return changed;
  }
  const queries = queryClient.getQueryCache().findAll(filters);
  const updated = new Set(
    queries.filter((query) => takesRecord(query, record)),
  );
  for (const { queryKey } of updated) {
    queryClient.setQueryData(queryKey, (old: unknown) => ({
      ...Object(old),
      data: record.data,
    }));
  }
  return (query) => !updated.has(query) && (changed?.(query) ?? true);
}

/**
 * Adjusts a TanStack Query client so that refine's live invalidations cost
 * one read per query that an event can change: only the active queries of
 * the resource that the event can change refetch (judged from the event and
 * each query's key), each once per event or burst however many refine hooks
 * subscribed, and once more when the event came while a fetch of it was
 * already running (so it is never left showing data read before the
 * change). Every other call of the client behaves as before. Works with
 * TanStack Query v5 (refine 5) and v4 (refine 4), the copy the app already
 * has.
 *
 * @param options `onStats` reports the refetches asked for and run;
 * `targeted: false` refetches every active query of the resource;
 * `resources` gives a resource's default order and `applyData`
 * @returns the same client
 * @throws {TypeError} when `queryClient` is not a TanStack `QueryClient`
 * @example
 * const queryClient = withLiveInvalidation(new QueryClient());
 * <Refine liveProvider={liveProvider(pubnub)}
 *   options={{ liveMode: "auto", reactQuery: { clientConfig: queryClient } }} />
 */
export function withLiveInvalidation<Client extends LiveInvalidationClient>(
  queryClient: Client,
  options: LiveInvalidationOptions = {},
): Client {
  if (
    typeof queryClient?.invalidateQueries !== "function" ||
    typeof queryClient.getQueryCache !== "function"
  ) {
    throw new TypeError(
      process.env.NODE_ENV !== "production"
        ? "withLiveInvalidation(queryClient) needs a TanStack Query QueryClient: withLiveInvalidation(new QueryClient()), then pass it to <Refine options={{ reactQuery: { clientConfig: queryClient } }}>."
        : "withLiveInvalidation(queryClient): not a QueryClient",
    );
  }
  if (ADJUSTED in queryClient) return queryClient;
  const original = queryClient.invalidateQueries.bind(queryClient);
  const refetches = new LiveRefetches(
    queryClient.getQueryCache(),
    (query) =>
      original(
        { queryKey: query.queryKey, exact: true, refetchType: "active" },
        { cancelRefetch: false },
      ),
    options.onStats,
  );
  Object.defineProperty(queryClient, ADJUSTED, { value: true });
  queryClient.invalidateQueries = (...args: unknown[]) => {
    const filters = filtersOf(args);
    const event = liveEventBeingDelivered();
    if (!event || !isLiveInvalidation(filters)) return original(...args);
    const targets = targetsOf(event, options, queryClient, filters);
    return refetches.invalidate(filters, targets);
  };
  return queryClient;
}

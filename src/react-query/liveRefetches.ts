/** The part of a TanStack Query (v4 or v5) query this package reads. */
export interface QueryLike {
  readonly queryKey: readonly unknown[];
  readonly state: { readonly fetchStatus: string };
}

/** The part of a TanStack Query (v4 or v5) `QueryCache` this package uses. */
export interface QueryCacheLike {
  findAll(filters: Record<string, unknown>): QueryLike[];
  subscribe(
    listener: (event: { type: string; query: QueryLike }) => void,
  ): () => void;
}

type Refetch = (query: QueryLike) => Promise<void>;

/**
 * Refetches for live events: each active query once per tick of events,
 * however many subscribers asked, and once more after a fetch that was
 * already running when an event came (it may have read the server before
 * the change).
 */
export class LiveRefetches {
  readonly #cache: QueryCacheLike;
  readonly #refetch: Refetch;
  /** Queries refreshed in this tick: later calls in it are the same events. */
  readonly #thisTick = new Set<QueryLike>();
  /** Queries to refetch once their running fetch ends. */
  readonly #afterFetch = new Set<QueryLike>();
  #stopWatching: (() => void) | undefined;

  constructor(cache: QueryCacheLike, refetch: Refetch) {
    this.#cache = cache;
    this.#refetch = refetch;
  }

  /** Refreshes the active queries that match `filters`. */
  async invalidate(filters: Record<string, unknown>): Promise<void> {
    const queries = this.#cache.findAll({ ...filters, type: "active" });
    await Promise.all(queries.map((query) => this.#refresh(query)));
  }

  #refresh(query: QueryLike): Promise<void> | undefined {
    if (this.#thisTick.has(query)) return undefined;
    if (this.#thisTick.size === 0) {
      queueMicrotask(() => this.#thisTick.clear());
    }
    this.#thisTick.add(query);
    if (query.state.fetchStatus !== "fetching") return this.#refetch(query);
    this.#afterFetch.add(query);
    this.#stopWatching ??= this.#cache.subscribe(({ type, query }) =>
      this.#onCacheEvent(type, query),
    );
    return undefined;
  }

  #onCacheEvent(type: string, query: QueryLike): void {
    if (!this.#afterFetch.has(query)) return;
    if (type === "removed") {
      this.#afterFetch.delete(query);
    } else if (query.state.fetchStatus !== "fetching") {
      this.#afterFetch.delete(query);
      void this.#refetch(query);
    }
    if (this.#afterFetch.size === 0) {
      this.#stopWatching?.();
      this.#stopWatching = undefined;
    }
  }
}

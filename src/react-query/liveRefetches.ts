/** The part of a TanStack Query (v4 or v5) query this package reads. */
export interface QueryLike {
  readonly queryKey: readonly unknown[];
  readonly state: { readonly fetchStatus: string; readonly data?: unknown };
}

/** The part of a TanStack Query (v4 or v5) `QueryCache` this package uses. */
export interface QueryCacheLike {
  findAll(filters: Record<string, unknown>): QueryLike[];
  subscribe(
    listener: (event: { type: string; query: QueryLike }) => void,
  ): () => void;
}

type Refetch = (query: QueryLike) => Promise<void>;

/** Counts of {@link withLiveInvalidation}'s work since the client was adjusted. */
export interface LiveRefetchStats {
  /** Query refetches refine's live invalidations asked for: one per query per subscriber call. */
  requested: number;
  /** Refetches the client ran for them, the trailing ones included. */
  performed: number;
}

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
  readonly #stats: LiveRefetchStats = { requested: 0, performed: 0 };
  readonly #onStats: ((stats: LiveRefetchStats) => void) | undefined;

  constructor(
    cache: QueryCacheLike,
    refetch: Refetch,
    onStats?: (stats: LiveRefetchStats) => void,
  ) {
    this.#cache = cache;
    this.#refetch = refetch;
    this.#onStats = onStats;
  }

  /**
   * Refreshes the active queries that match `filters` and that `mayChange`
   * (the others cannot show anything new).
   */
  async invalidate(
    filters: Record<string, unknown>,
    mayChange: (query: QueryLike) => boolean = () => true,
  ): Promise<void> {
    const queries = this.#cache.findAll({ ...filters, type: "active" });
    this.#stats.requested += queries.length;
    const refetches = queries
      .filter(mayChange)
      .map((query) => this.#refresh(query));
    this.#report();
    await Promise.all(refetches);
  }

  #run(query: QueryLike): Promise<void> {
    this.#stats.performed += 1;
    return this.#refetch(query);
  }

  #report(): void {
    this.#onStats?.({ ...this.#stats });
  }

  #refresh(query: QueryLike): Promise<void> | undefined {
    if (this.#thisTick.has(query)) return undefined;
    if (this.#thisTick.size === 0) {
      queueMicrotask(() => this.#thisTick.clear());
    }
    this.#thisTick.add(query);
    if (query.state.fetchStatus !== "fetching") return this.#run(query);
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
      void this.#run(query);
      this.#report();
    }
    if (this.#afterFetch.size === 0) {
      this.#stopWatching?.();
      this.#stopWatching = undefined;
    }
  }
}

import {
  type LiveProviderOptions,
  liveProvider,
  type PubNubClient,
} from "@refinedev/pubnub";
import { withLiveInvalidation } from "@refinedev/pubnub/react-query";
import { QueryClient, QueryObserver } from "@tanstack/react-query";

// The fleet of the fleet benches: clients that each hold refine 5-shaped
// queries of `posts` in a real TanStack QueryClient (a 20-page list of 10
// rows, some pages filtered or sorted, and for every 4th a detail page),
// behind one live hook per query that does what refine's liveMode "auto"
// does with an event: invalidate the resource's active queries.

export const CLIENTS = 200;
const POSTS = 200;
export type Helper = "none" | "untargeted" | "targeted";

interface Row {
  id: number;
  title: string;
  status: string;
}

/** The API: its posts, its reads, and when each read happened. */
export interface FleetApi {
  posts: Row[];
  reads: number;
  readTimes: number[];
}

export function api(): FleetApi {
  const posts: Row[] = Array.from({ length: POSTS }, (_, index) => ({
    id: index + 1,
    title: `Post ${index + 1}`,
    status: index % 2 ? "draft" : "published",
  }));
  return { posts, reads: 0, readTimes: [] };
}

/** The queries of client `n`: a list page (every 5th filtered, every 7th sorted) and, for every 4th, a detail. */
export function pageOf(n: number) {
  const page = (n % 20) + 1;
  const params: Record<string, unknown> = {
    pagination: { currentPage: page, pageSize: 10, mode: "server" },
  };
  if (n % 5 === 0) {
    params.filters = [{ field: "status", operator: "eq", value: "draft" }];
  }
  if (n % 7 === 0) params.sorters = [{ field: "title", order: "asc" }];
  const detail = n % 4 === 0 ? 1 + ((n * 37) % POSTS) : undefined;
  return { page, params, detail };
}

export function listOf(data: FleetApi, params: Record<string, unknown>) {
  const { currentPage } = params.pagination as { currentPage: number };
  let rows = data.posts;
  if (params.filters) rows = rows.filter((row) => row.status === "draft");
  if (params.sorters)
    rows = [...rows].sort((a, b) => a.title.localeCompare(b.title));
  return {
    data: rows.slice((currentPage - 1) * 10, currentPage * 10),
    total: rows.length,
  };
}

/** The fleet's queries that show post `id`, in a list page or a detail. */
export function queriesShowing(data: FleetApi, ids: number[]): number {
  let count = 0;
  for (let n = 0; n < CLIENTS; n++) {
    const { params, detail } = pageOf(n);
    const rows = listOf(data, params).data;
    if (rows.some((row) => ids.includes(row.id))) count++;
    if (detail !== undefined && ids.includes(detail)) count++;
  }
  return count;
}

/** What one client of the fleet holds, and the live events it was given. */
export interface FleetClient {
  provider: ReturnType<typeof liveProvider>;
  resyncs: number;
  stop(): void;
}

/**
 * Client `n` of the fleet on `pubnub`: its queries, observed, and one live
 * subscriber per query that invalidates as refine 4 does (refine 5.0.12
 * loses `cancelRefetch: false`, which would only raise "none").
 */
export function fleetClient(
  n: number,
  data: FleetApi,
  helper: Helper,
  pubnub: PubNubClient,
  options: LiveProviderOptions = {},
): FleetClient {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  if (helper !== "none")
    withLiveInvalidation(queryClient, { targeted: helper === "targeted" });
  const { params, detail } = pageOf(n);
  const read =
    <T>(answer: () => T) =>
    async () => {
      data.reads++;
      data.readTimes.push(performance.now());
      return structuredClone(answer());
    };
  const keys: Array<[unknown[], () => Promise<unknown>]> = [
    [
      ["data", "default", "posts", "list", params],
      read(() => listOf(data, params)),
    ],
  ];
  if (detail !== undefined) {
    keys.push([
      ["data", "default", "posts", "one", String(detail), {}],
      read(() => ({ data: data.posts[detail - 1] })),
    ]);
  }
  const stops = keys.map(([queryKey, queryFn]) =>
    new QueryObserver(queryClient, { queryKey, queryFn }).subscribe(() => {}),
  );
  const provider = liveProvider(pubnub, { releaseDelay: 0, ...options });
  const client: FleetClient = {
    provider,
    resyncs: 0,
    stop: () => {
      for (const stop of stops) stop();
    },
  };
  for (const _ of keys) {
    provider.subscribe({
      channel: "resources/posts",
      types: ["*"],
      callback: (event) => {
        if (event.meta?.resync) client.resyncs++;
        void queryClient.invalidateQueries(
          {
            queryKey: ["data", "default", "posts"],
            type: "active",
            refetchType: "active",
          },
          { cancelRefetch: false },
        );
      },
    });
  }
  return client;
}

/** Waits until the API has not been read for `quiet` ms. */
export async function settle(data: FleetApi, quiet = 50): Promise<void> {
  let last = -1;
  while (last !== data.reads) {
    last = data.reads;
    await new Promise((resolve) => setTimeout(resolve, quiet));
  }
}

/** The most reads within any one second of `times` (ms). */
export function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

import { liveProvider, toPubNubChannel } from "@refinedev/pubnub";
import { withLiveInvalidation } from "@refinedev/pubnub/react-query";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { expect, it } from "vitest";
import { record } from "./record";

// A fleet of 200 clients on one MemoryNetwork, each with a real TanStack
// QueryClient holding refine 5-shaped queries of `posts` (a 20-page list
// of 10 rows, some pages filtered or sorted, and a detail page), and what
// refine's liveMode "auto" does with an event: every live hook of the page
// invalidates the resource's active queries. Counted: reads of the API.

const CLIENTS = 200;
const POSTS = 200;
type Helper = "none" | "untargeted" | "targeted";

interface Row {
  id: number;
  title: string;
  status: string;
}

function api() {
  const posts: Row[] = Array.from({ length: POSTS }, (_, index) => ({
    id: index + 1,
    title: `Post ${index + 1}`,
    status: index % 2 ? "draft" : "published",
  }));
  return { posts, reads: 0 };
}

/** The queries of client `n`: a list page (every 5th filtered, every 7th sorted) and, for every 4th, a detail. */
function pageOf(n: number) {
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

function listOf(data: ReturnType<typeof api>, params: Record<string, unknown>) {
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

async function fleet(helper: Helper) {
  const data = api();
  const network = new MemoryNetwork();
  const stops: Array<() => void> = [];
  for (let n = 0; n < CLIENTS; n++) {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { staleTime: Infinity } },
    });
    if (helper !== "none")
      withLiveInvalidation(queryClient, { targeted: helper === "targeted" });
    const { params, detail } = pageOf(n);
    const read =
      <T>(answer: () => T) =>
      async () => {
        data.reads++;
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
    for (const [queryKey, queryFn] of keys) {
      const observer = new QueryObserver(queryClient, { queryKey, queryFn });
      stops.push(observer.subscribe(() => {}));
    }
    const provider = liveProvider(
      new MemoryPubNub({ network, userId: `u${n}` }),
      { releaseDelay: 0 },
    );
    // One live hook per query, as refine subscribes each data hook.
    for (const _ of keys) {
      provider.subscribe({
        channel: "resources/posts",
        types: ["*"],
        callback: () =>
          void queryClient.invalidateQueries(
            {
              queryKey: ["data", "default", "posts"],
              type: "active",
              refetchType: "active",
            },
            { cancelRefetch: false },
          ),
      });
    }
  }
  await settle(data);
  return {
    data,
    network,
    close: () => {
      for (const stop of stops) stop();
    },
  };
}

/** How many clients show post `id`, in their list page or their detail. */
function clientsShowing(data: ReturnType<typeof api>, id: number): number {
  let count = 0;
  for (let n = 0; n < CLIENTS; n++) {
    const { params, detail } = pageOf(n);
    const shown = listOf(data, params).data.some((row) => row.id === id);
    if (shown || detail === id) count++;
  }
  return count;
}

async function settle(data: { reads: number }): Promise<void> {
  let last = -1;
  while (last !== data.reads) {
    last = data.reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface FleetEvent {
  name: string;
  message: Record<string, unknown>;
  /** What the API's data becomes first: a post's field set to a value. */
  change?: [id: number, field: "title" | "status", value: string];
}

const EVENTS: FleetEvent[] = [
  {
    name: "updated, changed: title (a sort field)",
    message: { type: "updated", payload: { ids: [5], changed: ["title"] } },
    change: [5, "title", "A new title"],
  },
  {
    name: "updated, changed: body (no sort or filter field)",
    message: { type: "updated", payload: { ids: [15], changed: ["body"] } },
  },
  {
    name: "updated, changed: status (a filter field)",
    message: { type: "updated", payload: { ids: [6], changed: ["status"] } },
    change: [6, "status", "published"],
  },
  {
    name: "updated, no changed",
    message: { type: "updated", payload: { ids: [7] } },
  },
  { name: "created", message: { type: "created", payload: { ids: [201] } } },
  { name: "deleted", message: { type: "deleted", payload: { ids: [8] } } },
];

it("fleet reads per event: refine's default, the untargeted helper, the targeted helper", async () => {
  const rows: Array<Record<string, unknown>> = [];
  const fleets = {
    none: await fleet("none"),
    untargeted: await fleet("untargeted"),
    targeted: await fleet("targeted"),
  };
  for (const { name, message, change } of EVENTS) {
    const ids = (message.payload as { ids: number[] }).ids;
    const row: Record<string, unknown> = {
      event: name,
      showing: clientsShowing(fleets.targeted.data, ids[0] ?? 0),
    };
    for (const [helper, { data, network }] of Object.entries(fleets)) {
      if (change) {
        const [id, field, value] = change;
        const post = data.posts[id - 1];
        if (post) post[field] = value;
      }
      const before = data.reads;
      network.publish(toPubNubChannel("resources/posts"), message);
      await network.flush();
      await settle(data);
      row[helper] = data.reads - before;
    }
    rows.push(row);
  }
  for (const { close } of Object.values(fleets)) close();
  record("fleet", rows);
  const [, body] = rows;
  // The target: an update that touches no sort or filter field costs at
  // most the clients that show the record.
  expect(Number(body?.targeted)).toBeLessThanOrEqual(Number(body?.showing));
  for (const row of rows) {
    expect(Number(row.targeted)).toBeLessThanOrEqual(Number(row.untargeted));
  }
}, 120_000);

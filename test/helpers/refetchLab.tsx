import {
  type BaseRecord,
  type DataProvider,
  type LiveEvent,
  type LiveProvider,
  Refine,
  useList,
  useMany,
  useOne,
  useTable,
} from "@refinedev/core";
import {
  type LiveProviderOptions,
  liveProvider,
  type PubNubLiveProvider,
  toPubNubChannel,
} from "@refinedev/pubnub";
import {
  type LiveResourceOptions,
  withLiveInvalidation,
} from "@refinedev/pubnub/react-query";
import { QueryClient } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import type PubNub from "pubnub";
import { connected, type EmulatorHarness, eventually } from "./emulatorHarness";
import { refineMajor } from "./refineVersion";

// A refine page with N live hooks of `posts` over a slow API whose data
// changes with every event, for counting reads and checking freshness
// (test/sdk.refetch.test.tsx and bench/refetch.bench.test.tsx).

interface Post extends BaseRecord {
  id: number;
  version: number;
}

/** The API: 30 posts, newest first; every change bumps a post's version. */
class PostsApi {
  readonly posts: Post[] = Array.from({ length: 30 }, (_, index) => ({
    id: index + 1,
    version: 0,
  }));
  #lastId = 30;
  reads = 0;
  inFlight = 0;
  lastReadAt = 0;
  /** When each read started (performance.now()). */
  readonly readStarts: number[] = [];
  readonly #delay: readonly [number, number];

  constructor(delay: readonly [number, number]) {
    this.#delay = delay;
  }

  find(id: number): Post | undefined {
    return this.posts.find((post) => post.id === id);
  }

  change(id: number): void {
    const post = this.find(id);
    if (post) post.version++;
  }

  /** A new post, first in the list: every offset page shifts. */
  create(): number {
    this.#lastId++;
    this.posts.unshift({ id: this.#lastId, version: 0 });
    return this.#lastId;
  }

  remove(id: number): void {
    const index = this.posts.findIndex((post) => post.id === id);
    if (index >= 0) this.posts.splice(index, 1);
  }

  /** Answers after a delay in the range, reading the data halfway. */
  async read<T>(answer: () => T): Promise<T> {
    this.reads++;
    this.inFlight++;
    this.lastReadAt = Date.now();
    this.readStarts.push(performance.now());
    const [min, max] = this.#delay;
    const delay = min + ((this.reads * 7919) % (max - min + 1));
    try {
      await sleep(delay / 2);
      const data = structuredClone(answer());
      await sleep(delay / 2);
      return data;
    } finally {
      this.inFlight--;
    }
  }

  page(current: number, size: number): Post[] {
    return this.posts.slice((current - 1) * size, current * size);
  }

  /** The `size` most changed posts: by version, newest first, then by id. */
  top(size: number): Post[] {
    return [...this.posts]
      .sort((a, b) => b.version - a.version || a.id - b.id)
      .slice(0, size);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function dataProviderOn(api: PostsApi): DataProvider {
  return {
    getApiUrl: () => "memory://",
    getList: ({ pagination, sorters }) => {
      const { pageSize = 10 } = pagination ?? {};
      const page = pagePosition(pagination);
      const byVersion = sorters?.[0]?.field === "version";
      return api.read(() => ({
        data: (byVersion
          ? api.top(pageSize)
          : api.page(page, pageSize)) as never[],
        total: api.posts.length,
      }));
    },
    getOne: ({ id }) =>
      api.read(() => ({ data: api.find(Number(id)) as never })),
    getMany: ({ ids }) =>
      api.read(() => ({
        data: ids.map((id) => api.find(Number(id))) as never[],
      })),
    create: () => Promise.reject(new Error("read-only")),
    update: () => Promise.reject(new Error("read-only")),
    deleteOne: () => Promise.reject(new Error("read-only")),
  };
}

/** refine 5 names the page `currentPage`, refine 4 `current`. */
function pagePosition(pagination: unknown): number {
  const { current, currentPage } = (pagination ?? {}) as Record<string, number>;
  return currentPage ?? current ?? 1;
}
const page = (n: number, pageSize: number) =>
  ({ current: n, currentPage: n, pageSize }) as never;

/** What each hook shows, as `id:version` lists, by hook name. */
type Shown = Map<string, string[]>;

const versions = (data: unknown): string[] =>
  ([] as Post[])
    .concat((data ?? []) as Post[])
    .map((post) => `${post.id}:${post.version}`);

/**
 * The records a hook shows: refine 5 returns `result` (a record, or
 * `{ data }`), refine 4 the query (`data.data`), for `useTable` in
 * `tableQueryResult`.
 */
function shownData(hook: unknown, v4Query?: string): unknown {
  type Query = { data?: { data?: unknown } };
  const shaped = hook as Record<string, unknown> & Query;
  if (refineMajor === 4) {
    const query = (v4Query ? shaped[v4Query] : shaped) as Query | undefined;
    return query?.data?.data;
  }
  const result = shaped.result as { data?: unknown } | undefined;
  return result && "data" in result ? result.data : result;
}

const HOOKS = {
  "list p1": (show: (data: unknown) => void) =>
    show(shownData(useList({ resource: "posts", pagination: page(1, 10) }))),
  one: (show: (data: unknown) => void) =>
    show(shownData(useOne({ resource: "posts", id: 1 }))),
  "list p2": (show: (data: unknown) => void) =>
    show(shownData(useList({ resource: "posts", pagination: page(2, 10) }))),
  many: (show: (data: unknown) => void) =>
    show(shownData(useMany({ resource: "posts", ids: [1, 11] }))),
  table: (show: (data: unknown) => void) =>
    show(
      shownData(
        useTable({
          resource: "posts",
          pagination: { pageSize: 5 },
          syncWithLocation: false,
        }),
        "tableQueryResult",
      ),
    ),
  "top 3 by version": (show: (data: unknown) => void) =>
    show(
      shownData(
        useList({
          resource: "posts",
          sorters: [{ field: "version", order: "desc" }],
          pagination: page(1, 3),
        }),
      ),
    ),
} as const;
type HookName = keyof typeof HOOKS;

/** What each hook should show, from the API's data now. */
function expected(api: PostsApi): Record<HookName, string[]> {
  return {
    "list p1": versions(api.page(1, 10)),
    one: versions(api.find(1)),
    "list p2": versions(api.page(2, 10)),
    many: versions([api.find(1), api.find(11)]),
    table: versions(api.page(1, 5)),
    "top 3 by version": versions(api.top(3)),
  };
}

function Hook({ name, shown }: { name: HookName; shown: Shown }) {
  HOOKS[name]((data) => shown.set(name, versions(data)));
  return null;
}

export type HookCount = 1 | 2 | 5 | 6;
const NAMES = Object.keys(HOOKS) as HookName[];

export interface LabOptions {
  hooks: HookCount;
  /** Wrap the QueryClient with `withLiveInvalidation`. */
  helper: boolean;
  /** The helper's `targeted` option. @default true */
  targeted?: boolean;
  /** The helper's `resources` option. */
  resources?: Record<string, LiveResourceOptions>;
  /** The provider's `coalesce` option. */
  coalesce: boolean;
  /** Another provider on the client (the bench's naive baseline). */
  provider?: ((client: PubNub) => LiveProvider) | undefined;
  /** The API's answer time range, ms. @default [45, 80] */
  delay?: readonly [number, number];
  /** More options for the provider (not with `provider`). */
  providerOptions?: LiveProviderOptions;
  /** Options for the page's PubNub client. */
  clientOptions?: Record<string, unknown>;
}

/** The page: `<Refine>` with the chosen hooks, recording what they show. */
function renderPage(
  api: PostsApi,
  client: PubNub,
  names: HookName[],
  options: LabOptions,
) {
  const queryClient = new QueryClient();
  if (options.helper) {
    withLiveInvalidation(queryClient, {
      targeted: options.targeted ?? true,
      resources: options.resources,
    });
  }
  const shown: Shown = new Map();
  const delivered: LiveEvent[] = [];
  const provider =
    options.provider?.(client) ??
    liveProvider(client, {
      coalesce: options.coalesce,
      releaseDelay: 0,
      ...options.providerOptions,
    });
  const view = render(
    <Refine
      dataProvider={dataProviderOn(api)}
      liveProvider={provider}
      onLiveEvent={(event) => delivered.push(event)}
      resources={[{ name: "posts" }]}
      options={{
        liveMode: "auto",
        disableTelemetry: true,
        reactQuery: { clientConfig: queryClient as never },
      }}
    >
      {names.map((name) => (
        <Hook key={name} name={name} shown={shown} />
      ))}
    </Refine>,
  );
  return { shown, view, provider, delivered };
}

/** Renders the page on its own PubNub client; resolves once it is live. */
export async function openLab(harness: EmulatorHarness, options: LabOptions) {
  const api = new PostsApi(options.delay ?? [45, 80]);
  const client = harness.client("reader", options.clientOptions);
  const ready = connected(client);
  const names = NAMES.slice(0, options.hooks);
  const { shown, view, provider, delivered } = renderPage(
    api,
    client,
    names,
    options,
  );
  let outages = 0;
  await ready;
  await settled(api);
  const channel = toPubNubChannel("resources/posts");
  const publish = (
    id: number,
    type = "updated",
    changed?: string[],
    data?: (post: Post | undefined) => unknown,
  ) => {
    if (type === "updated") api.change(id);
    const payload: Record<string, unknown> = { ids: [id] };
    if (changed) payload.changed = changed;
    if (data) payload.data = data(api.find(id));
    harness.emulator.publish(channel, { type, payload });
  };
  let firstReadDelay = Number.NaN;
  const measure = async (events: () => Promise<void>) => {
    const measured = await measureReads(api, events);
    firstReadDelay = measured.firstReadDelay;
    return measured.reads;
  };
  return {
    api,
    /** Hooks whose data is not the API's latest. */
    stale(): string[] {
      const latest = expected(api);
      return names.filter(
        (name) => shown.get(name)?.join() !== latest[name].join(),
      );
    },
    /** One event; resolves with the reads it cost once all settled. */
    event: () => measure(async () => publish(1)),
    /**
     * One event about post `id` (1–30; lists show 1–10, 11–20 and 1–5, the
     * detail 1, the many 1 and 11), with the fields that changed if given.
     */
    eventAbout: (id: number, type = "updated", changed?: string[]) =>
      measure(async () => publish(id, type, changed)),
    /**
     * An update of post `id` whose `payload.data` is `data` of the post
     * after the change (the post itself by default).
     */
    updateWithData: (
      id: number,
      data: (post: Post | undefined) => unknown = (post) => post,
    ) => measure(async () => publish(id, "updated", ["version"], data)),
    /** `count` events that reach the client in one long-poll response. */
    burst: (count: number) =>
      measure(async () => {
        for (let id = 1; id <= count; id++) publish(id);
      }),
    /**
     * `count` changes from `random` (0 to 1, seeded by the caller), 0 to
     * `maxGap` ms apart: a `created` share (a new post first in the list), a
     * `deleted` share (not posts 1 and 11, which the detail and the many
     * show), and updates of posts still there, a `withChanged` share of
     * them with `changed: ["version"]`. Before a change, an `outages`
     * share of the time every held long-poll fails (502): the client
     * reconnects and catches up. Resolves once it is live and all settled.
     */
    randomChanges: (
      count: number,
      random: () => number,
      {
        withChanged = 0.5,
        maxGap = 40,
        created = 0,
        deleted = 0,
        outages: outageShare = 0,
      } = {},
    ) =>
      measure(async () => {
        const pick = () => api.posts[Math.floor(random() * api.posts.length)];
        for (let n = 0; n < count; n++) {
          if (random() < outageShare && harness.emulator.pendingSubscribes) {
            harness.emulator.failPendingSubscribes({ status: 502 });
            outages++;
          }
          const kind = random();
          const post = pick();
          if (kind < created) {
            publish(api.create(), "created");
          } else if (kind < created + deleted && post && post.id % 10 !== 1) {
            api.remove(post.id);
            publish(post.id, "deleted");
          } else if (post) {
            const changed = random() < withChanged ? ["version"] : undefined;
            publish(post.id, "updated", changed);
          }
          await sleep(Math.floor(random() * maxGap));
        }
        const { connection } = provider as Partial<PubNubLiveProvider>;
        await eventually(() => {
          const status = connection?.getState().status ?? "connected";
          if (status !== "connected") throw new Error("not live again");
        }, 20_000);
      }),
    /** `count` events `gap` ms apart. */
    spread: (count: number, gap: number) =>
      measure(async () => {
        for (let id = 1; id <= count; id++) {
          publish(id);
          await sleep(gap);
        }
      }),
    /** Outages `randomChanges` caused. */
    outages: () => outages,
    /** Resync events refine handed to `onLiveEvent`. */
    resyncs: () => delivered.filter((event) => event.meta?.resync).length,
    /** Ms from the last measured case's first event to its first read. */
    firstReadDelay: () => firstReadDelay,
    close: () => view.unmount(),
  };
}

/** Reads the events cost, and ms from the first event to the first read. */
async function measureReads(api: PostsApi, events: () => Promise<void>) {
  const before = api.reads;
  const start = performance.now();
  await act(events);
  await settled(api, Date.now());
  const firstRead = api.readStarts[before] ?? Number.NaN;
  return { reads: api.reads - before, firstReadDelay: firstRead - start };
}

/** Waits until no read is running and none started for 300 ms (nor since `from`). */
async function settled(api: PostsApi, from = 0): Promise<void> {
  await act(() =>
    eventually(() => {
      const quiet = Date.now() - Math.max(api.lastReadAt, from);
      if (api.inFlight > 0 || quiet < 300) {
        throw new Error(`API not settled: ${api.inFlight} reads running`);
      }
    }, 20_000),
  );
}

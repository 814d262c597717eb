// @vitest-environment jsdom
import {
  type BaseRecord,
  type LiveEvent,
  Refine,
  useCreate,
  useDelete,
  useForm,
  useList,
  useMany,
  useOne,
  usePublish,
  useShow,
  useSubscription,
  useTable,
  useUpdate,
} from "@refinedev/core";
import { liveProvider } from "@refinedev/pubnub";
import { act, cleanup, render, waitFor } from "@testing-library/react";
import type PubNub from "pubnub";
import { type ReactNode, StrictMode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryDataProvider } from "./helpers/dataProvider";
import {
  connected,
  type EmulatorHarness,
  eventually,
  testEmulator,
} from "./helpers/emulatorHarness";
import { listRecords, refineMajor } from "./helpers/refineVersion";

afterEach(cleanup);

type Records = Record<string, BaseRecord[]>;

/** One browser: a refine app on its own real PubNub client. */
function browser(
  harness: EmulatorHarness,
  userId: string,
  records: Records,
  children: ReactNode,
  props: { onLiveEvent?: (event: LiveEvent) => void; strict?: boolean } = {},
) {
  const client = harness.client(userId);
  const ready = connected(client);
  const data = memoryDataProvider(records);
  const cms = memoryDataProvider(records);
  const app = (
    <Refine
      dataProvider={{ default: data.dataProvider, cms: cms.dataProvider }}
      liveProvider={liveProvider(client, { releaseDelay: 0 })}
      resources={[
        { name: "posts" },
        { name: "articles", meta: { dataProviderName: "cms" } },
      ]}
      options={{
        liveMode: "auto",
        disableTelemetry: true,
        mutationMode: "pessimistic",
      }}
      {...(props.onLiveEvent ? { onLiveEvent: props.onLiveEvent } : {})}
    >
      {children}
    </Refine>
  );
  const view = render(props.strict ? <StrictMode>{app}</StrictMode> : app);
  return { client, ready, reads: data.reads, cmsReads: cms.reads, view };
}

function seed(): Records {
  return {
    posts: [
      { id: 1, title: "One" },
      { id: 2, title: "Two" },
    ],
    articles: [{ id: 1, title: "Article" }],
  };
}

async function publishFromBackend(
  client: PubNub,
  ids: Array<string | number>,
  type = "updated",
) {
  await client.publish({
    channel: "resources.posts",
    message: { type, payload: { ids } },
  });
}

/** Reads of the data provider settle at `expected` and stay there. */
async function readsSettle(
  reads: Record<string, number>,
  resource: string,
  expected: number,
) {
  await eventually(() => expect(reads[resource] ?? 0).toBe(expected));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(reads[resource] ?? 0).toBe(expected);
}

function ListProbe() {
  const posts = listRecords(useList({ resource: "posts" }));
  return <p>list {posts?.map((p) => p.title).join(",")}</p>;
}

describe("refine hooks on the real SDK, liveMode auto", () => {
  const probes: Array<[string, () => ReactNode]> = [
    ["useList", ListProbe],
    [
      "useOne with a string id",
      function OneProbe() {
        const { result } = useOne({ resource: "posts", id: "1" });
        return <p>one {result?.title}</p>;
      },
    ],
    [
      "useMany",
      function ManyProbe() {
        const { result } = useMany({ resource: "posts", ids: [1, 2] });
        return <p>many {result?.data.length}</p>;
      },
    ],
    [
      "useShow",
      function ShowProbe() {
        const { result } = useShow({ resource: "posts", id: "1" });
        return <p>show {result?.title}</p>;
      },
    ],
    [
      "useForm (edit)",
      function FormProbe() {
        const { query } = useForm({
          resource: "posts",
          action: "edit",
          id: "1",
        });
        return <p>form {query?.data?.data.title}</p>;
      },
    ],
    [
      "useTable",
      function TableProbe() {
        const { tableQuery } = useTable({ resource: "posts" });
        return <p>table {tableQuery.data?.data.length}</p>;
      },
    ],
  ];

  it.each(probes)(
    "%s should refetch once per event from another client",
    async (_, Probe) => {
      const harness = testEmulator();
      const { reads, ready } = browser(harness, "bob", seed(), <Probe />);
      await ready;
      await eventually(() => expect(reads.posts ?? 0).toBeGreaterThan(0));
      const before = reads.posts ?? 0;
      await publishFromBackend(harness.client("server"), [1]);
      await readsSettle(reads, "posts", before + 1);
    },
  );

  it("should skip the refetch for events about other records of useOne", async () => {
    const harness = testEmulator();
    function OneProbe() {
      const { result } = useOne({ resource: "posts", id: "1" });
      return <p>one {result?.title}</p>;
    }
    const { reads, ready } = browser(harness, "bob", seed(), <OneProbe />);
    await ready;
    await eventually(() => expect(reads.posts ?? 0).toBe(1));
    await publishFromBackend(harness.client("server"), [2]);
    await publishFromBackend(harness.client("server"), ["1"]);
    await readsSettle(reads, "posts", 2);
  });

  it("should refetch each query once per hook on refine 5.0.12, once in all on refine 4", async () => {
    const harness = testEmulator();
    function TwoHooks() {
      useList({ resource: "posts" });
      useOne({ resource: "posts", id: 1 });
      return null;
    }
    const { reads, ready } = browser(harness, "bob", seed(), <TwoHooks />);
    await ready;
    await eventually(() => expect(reads.posts ?? 0).toBe(2));
    await publishFromBackend(harness.client("server"), [1]);
    // Each of the 2 subscriptions invalidates both active queries. refine
    // 5.0.12 drops `cancelRefetch: false`, so the second restarts the first's
    // fetches: 4 reads. refine 4 passes it, so they share them: 2 reads.
    await readsSettle(reads, "posts", refineMajor === 4 ? 4 : 6);
  });
});

describe("liveMode manual and onLiveEvent", () => {
  it("should hand events to onLiveEvent without refetching", async () => {
    const harness = testEmulator();
    const onLiveEvent = vi.fn();
    const globalOnLiveEvent = vi.fn();
    function ManualProbe() {
      useOne({ resource: "posts", id: "1", liveMode: "manual", onLiveEvent });
      return null;
    }
    const { reads, ready } = browser(harness, "bob", seed(), <ManualProbe />, {
      onLiveEvent: globalOnLiveEvent,
    });
    await ready;
    await eventually(() => expect(reads.posts ?? 0).toBe(1));
    await publishFromBackend(harness.client("server"), [1]);
    await eventually(() => expect(onLiveEvent).toHaveBeenCalledTimes(1));
    expect(onLiveEvent.mock.calls[0]?.[0]).toMatchObject({
      channel: "resources/posts",
      type: "updated",
      payload: { ids: [1] },
      date: expect.any(Date),
    });
    expect(globalOnLiveEvent).toHaveBeenCalledTimes(1);
    await readsSettle(reads, "posts", 1);
  });

  it("should call <Refine onLiveEvent> in auto mode too", async () => {
    const harness = testEmulator();
    const globalOnLiveEvent = vi.fn();
    const { ready } = browser(harness, "bob", seed(), <ListProbe />, {
      onLiveEvent: globalOnLiveEvent,
    });
    await ready;
    await publishFromBackend(harness.client("server"), [2], "deleted");
    await eventually(() => expect(globalOnLiveEvent).toHaveBeenCalledTimes(1));
    expect(globalOnLiveEvent.mock.calls[0]?.[0]).toMatchObject({
      type: "deleted",
    });
  });
});

describe("useSubscription and usePublish", () => {
  it("should carry a custom channel between two apps", async () => {
    const harness = testEmulator();
    const received = vi.fn();
    let publish: ReturnType<typeof usePublish> | undefined;
    function Publisher() {
      publish = usePublish();
      return null;
    }
    function Subscriber() {
      useSubscription({
        channel: "notifications/admins",
        onLiveEvent: received,
      });
      return null;
    }
    browser(harness, "alice", seed(), <Publisher />);
    const bob = browser(harness, "bob", seed(), <Subscriber />);
    await bob.ready;
    act(() => {
      publish?.({
        channel: "notifications/admins",
        type: "backup-finished",
        payload: { size: 3 },
        date: new Date(),
      });
    });
    await eventually(() => expect(received).toHaveBeenCalledTimes(1));
    expect(received.mock.calls[0]?.[0]).toMatchObject({
      channel: "notifications/admins",
      type: "backup-finished",
      payload: { size: 3 },
      date: expect.any(Date),
    });
  });
});

describe("mutations reach other clients", () => {
  function Mutations({
    onReady,
  }: {
    onReady: (m: Record<string, (...args: never[]) => void>) => void;
  }) {
    const { mutate: create } = useCreate();
    const { mutate: update } = useUpdate();
    const { mutate: remove } = useDelete();
    useList({ resource: "posts" });
    onReady({ create, update, remove } as never);
    return null;
  }

  it("should refetch the other client's list after create, update and delete, but not echo", async () => {
    const harness = testEmulator();
    const records = seed();
    let mutations: Record<string, (args: unknown) => void> = {};
    const alice = browser(
      harness,
      "alice",
      records,
      <Mutations
        onReady={(m) => {
          mutations = m as never;
        }}
      />,
    );
    const bob = browser(harness, "bob", records, <ListProbe />);
    await Promise.all([alice.ready, bob.ready]);
    await eventually(() =>
      expect([alice.reads.posts, bob.reads.posts]).toEqual([1, 1]),
    );

    act(() =>
      mutations.create?.({ resource: "posts", values: { title: "Three" } }),
    );
    await readsSettle(bob.reads, "posts", 2);
    act(() =>
      mutations.update?.({
        resource: "posts",
        id: 1,
        values: { title: "Uno" },
      }),
    );
    await readsSettle(bob.reads, "posts", 3);
    act(() => mutations.remove?.({ resource: "posts", id: 2 }));
    await readsSettle(bob.reads, "posts", 4);
    await waitFor(() =>
      expect(bob.view.container.textContent).toBe("list Uno,Three"),
    );
    // Alice refetched once per mutation (refine's own invalidation), not twice.
    await readsSettle(alice.reads, "posts", 4);
  });

  it("should carry meta.dataProviderName across the wire", async () => {
    const harness = testEmulator();
    const records = seed();
    const onLiveEvent = vi.fn();
    let create: ((args: unknown) => void) | undefined;
    function Creator() {
      create = useCreate().mutate as never;
      return null;
    }
    function ArticleWatcher() {
      useList({ resource: "articles", liveMode: "manual", onLiveEvent });
      return null;
    }
    browser(harness, "alice", records, <Creator />);
    const bob = browser(harness, "bob", records, <ArticleWatcher />);
    await bob.ready;
    act(() => create?.({ resource: "articles", values: { title: "New" } }));
    await eventually(() => expect(onLiveEvent).toHaveBeenCalledTimes(1));
    expect(onLiveEvent.mock.calls[0]?.[0]).toMatchObject({
      channel: "resources/articles",
      type: "created",
      meta: { dataProviderName: "cms" },
    });
  });
});

describe("StrictMode", () => {
  it("should subscribe once, never leave, and still refetch", async () => {
    const harness = testEmulator();
    const { reads, ready } = browser(harness, "bob", seed(), <ListProbe />, {
      strict: true,
    });
    await ready;
    await eventually(() => expect(reads.posts ?? 0).toBeGreaterThan(0));
    const before = reads.posts ?? 0;
    await publishFromBackend(harness.client("server"), [1]);
    await readsSettle(reads, "posts", before + 1);
    expect(harness.requests("leave")).toEqual([]);
    expect(harness.joins("bob")).toHaveLength(1);
  });
});

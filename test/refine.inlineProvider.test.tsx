// @vitest-environment jsdom
import {
  type LiveEvent,
  Refine,
  useCreate,
  useList,
  useSubscription,
} from "@refinedev/core";
import { liveProvider, type PubNubLiveError } from "@refinedev/pubnub";
import {
  MemoryNetwork,
  MemoryPubNub,
  MemorySubscription,
} from "@refinedev/pubnub/testing";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryDataProvider } from "./helpers/dataProvider";
import { recorder } from "./helpers/memoryHarness";
import { ALWAYS_RESYNC } from "./helpers/providerHarness";
import { listRecords } from "./helpers/refineVersion";

afterEach(cleanup);

const RENDERS = 1_000;

function Posts({ onLiveEvent }: { onLiveEvent: (event: LiveEvent) => void }) {
  const posts = listRecords(useList({ resource: "posts" }));
  useSubscription({ channel: "resources/posts", onLiveEvent });
  const { mutate } = useCreate();
  return (
    <>
      <p>posts: {posts?.length ?? "…"}</p>
      <button
        type="button"
        onClick={() => mutate({ resource: "posts", values: { title: "Mine" } })}
      >
        create
      </button>
    </>
  );
}

describe("<Refine liveProvider={liveProvider(pubnub)}> re-rendered by its parent", () => {
  it(`should keep one session through ${RENDERS} renders: no leak, no echo, one report and one resync per outage`, async () => {
    const subscribe = vi.spyOn(MemorySubscription.prototype, "subscribe");
    const network = new MemoryNetwork();
    const pubnub = new MemoryPubNub({ network, userId: "alice" });
    const otherTab = new MemoryPubNub({ network, userId: "alice" });
    const errors: PubNubLiveError[] = [];
    const live = recorder();
    const { dataProvider } = memoryDataProvider({ posts: [] });
    let rerender = () => {};

    function App() {
      const [renders, setRenders] = useState(0);
      rerender = () => setRenders((count) => count + 1);
      return (
        <Refine
          dataProvider={dataProvider}
          // Inline, as refine's docs write it: a new provider every render.
          liveProvider={liveProvider(pubnub, {
            ...ALWAYS_RESYNC,
            onError: (error) => errors.push(error),
            reconnectDelay: () => 0,
          })}
          resources={[{ name: "posts" }]}
          options={{ liveMode: "auto", disableTelemetry: true }}
        >
          <span data-renders={renders} />
          <Posts onLiveEvent={live.callback} />
        </Refine>
      );
    }

    render(<App />);
    await screen.findByText("posts: 0");
    const listeners = pubnub.listenerCount;
    for (let i = 0; i < RENDERS; i++) act(() => rerender());
    expect(
      document.querySelector("[data-renders]")?.getAttribute("data-renders"),
    ).toBe(String(RENDERS));
    expect(pubnub.listenerCount).toBe(listeners);
    expect(listeners).toBe(1);
    expect(subscribe).toHaveBeenCalledTimes(1);

    // Own publish (refine's useCreate, through the newest provider): no echo here, the other tab hears it.
    const elsewhere = recorder();
    liveProvider(otherTab).subscribe({
      channel: "resources/posts",
      types: ["*"],
      callback: elsewhere.callback,
    });
    await network.flush();
    act(() => screen.getByText("create").click());
    await screen.findByText("posts: 1");
    await waitFor(() => expect(elsewhere.events).toHaveLength(1));
    await network.flush();
    expect(live.events).toEqual([]);

    // One outage: one report, one resync for the subscriber.
    const lost = {
      category: "PNDisconnectedUnexpectedlyCategory",
      error: "PNNetworkIssuesCategory",
    };
    act(() => {
      pubnub.emitStatus(lost);
      pubnub.emitStatus(lost);
    });
    await waitFor(() => expect(live.events).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(live.events[0]?.meta).toMatchObject({ resync: true });
    expect(errors.map((error) => error.category)).toEqual(["connection"]);
    expect(live.events).toHaveLength(1);
  });
});

// @vitest-environment jsdom
import { Refine, useList } from "@refinedev/core";
import { liveProvider } from "@refinedev/pubnub";
import {
  MemoryNetwork,
  MemoryPubNub,
  MemorySubscription,
} from "@refinedev/pubnub/testing";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryDataProvider } from "./helpers/dataProvider";
import { listRecords } from "./helpers/refineVersion";

afterEach(cleanup);

function PostCount() {
  const posts = listRecords(useList({ resource: "posts" }));
  return <p>posts: {posts?.length ?? "…"}</p>;
}

describe("<Refine> in StrictMode on the memory stand-in", () => {
  it("should subscribe once, not churn, and refetch on an event", async () => {
    const subscribe = vi.spyOn(MemorySubscription.prototype, "subscribe");
    const unsubscribe = vi.spyOn(MemorySubscription.prototype, "unsubscribe");
    const network = new MemoryNetwork();
    const pubnub = new MemoryPubNub({ network });
    const { dataProvider, reads, records } = memoryDataProvider({ posts: [] });
    render(
      <StrictMode>
        <Refine
          dataProvider={dataProvider}
          liveProvider={liveProvider(pubnub)}
          resources={[{ name: "posts" }]}
          options={{ liveMode: "auto", disableTelemetry: true }}
        >
          <PostCount />
          <PostCount />
        </Refine>
      </StrictMode>,
    );
    await screen.findAllByText("posts: 0");
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(unsubscribe).not.toHaveBeenCalled();
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);

    const readsBefore = reads.posts ?? 0;
    records.posts = [{ id: 1, title: "Hello" }];
    network.publish("resources.posts", {
      type: "created",
      payload: { ids: [1] },
    });
    await waitFor(() =>
      expect(screen.getAllByText("posts: 1")).toHaveLength(2),
    );
    expect(reads.posts).toBeGreaterThan(readsBefore);
  });
});

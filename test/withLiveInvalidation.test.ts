import { withLiveInvalidation } from "@refinedev/pubnub/react-query";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { memoryHarness } from "./helpers/memoryHarness";

/** Runs `work` inside a live event's delivery, as refine's callback does. */
async function duringDelivery(work: () => void): Promise<void> {
  const { provider, network } = memoryHarness();
  provider.subscribe({
    channel: "resources/posts",
    types: ["*"],
    callback: work,
  });
  network.publish("resources.posts", {
    type: "updated",
    payload: { ids: [1] },
  });
  await network.flush();
}

const liveFilters = {
  queryKey: ["data", "default", "posts"],
  type: "active",
  refetchType: "active",
  cancelRefetch: false,
} as const;

describe("withLiveInvalidation", () => {
  it("should return the same client, adjusted once", () => {
    const client = new QueryClient();
    const adjusted = withLiveInvalidation(client);
    expect(adjusted).toBe(client);
    const once = client.invalidateQueries;
    expect(withLiveInvalidation(client).invalidateQueries).toBe(once);
  });

  it("should pass every call outside a live event's delivery through unchanged", async () => {
    const client = new QueryClient();
    const original = vi.spyOn(client, "invalidateQueries");
    withLiveInvalidation(client);
    await client.invalidateQueries(liveFilters);
    await client.invalidateQueries({ queryKey: ["x"] }, { throwOnError: true });
    expect(original.mock.calls).toEqual([
      [liveFilters],
      [{ queryKey: ["x"] }, { throwOnError: true }],
    ]);
  });

  it("should pass other invalidations during a delivery through unchanged", async () => {
    const client = new QueryClient();
    const original = vi.spyOn(client, "invalidateQueries");
    withLiveInvalidation(client);
    const mutation = {
      queryKey: ["data"],
      type: "all",
      refetchType: "active",
    } as const;
    await duringDelivery(() => void client.invalidateQueries(mutation));
    expect(original.mock.calls).toEqual([[mutation]]);
  });

  it("should refetch each matching active query once per tick of live invalidations", async () => {
    const client = new QueryClient();
    withLiveInvalidation(client);
    const fetches = { posts: 0, users: 0 };
    for (const key of ["posts", "users"] as const) {
      new QueryObserver(client, {
        queryKey: ["data", "default", key],
        queryFn: async () => ++fetches[key],
      }).subscribe(() => {});
    }
    await vi.waitFor(() => expect(fetches).toEqual({ posts: 1, users: 1 }));
    await duringDelivery(() => {
      for (let hook = 0; hook < 5; hook++) {
        void client.invalidateQueries(liveFilters);
      }
    });
    await vi.waitFor(() => expect(fetches.posts).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetches).toEqual({ posts: 2, users: 1 });
  });

  it("should report the refetches asked for and the ones run to onStats", async () => {
    const client = new QueryClient();
    const reports: unknown[] = [];
    withLiveInvalidation(client, { onStats: (stats) => reports.push(stats) });
    let fetches = 0;
    new QueryObserver(client, {
      queryKey: ["data", "default", "posts"],
      queryFn: async () => ++fetches,
    }).subscribe(() => {});
    await vi.waitFor(() => expect(fetches).toBe(1));
    await duringDelivery(() => {
      for (let hook = 0; hook < 5; hook++) {
        void client.invalidateQueries(liveFilters);
      }
    });
    await vi.waitFor(() => expect(fetches).toBe(2));
    expect(reports.at(-1)).toEqual({ requested: 5, performed: 1 });
    expect(reports).toHaveLength(5);
  });

  it("should refuse what is not a QueryClient with a TypeError that says what to pass", () => {
    expect(() => withLiveInvalidation({} as never)).toThrow(TypeError);
    expect(() => withLiveInvalidation(undefined as never)).toThrow(
      /withLiveInvalidation\(new QueryClient\(\)\)/,
    );
  });
});

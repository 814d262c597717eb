import { ChannelNameError, SubscribeError } from "@refinedev/pubnub";
import { MemorySubscription } from "@refinedev/pubnub/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryHarness, recorder, settle } from "./helpers/memoryHarness";

const posts = "resources/posts";
const updated = { type: "updated", payload: { ids: [1] } };

afterEach(() => {
  vi.useRealTimers();
});

describe("subscribe()", () => {
  it("should return a truthy, distinct handle for every call", () => {
    const { provider } = memoryHarness();
    const first = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    const second = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(first).not.toBe(second);
    expect(first.channel).toBe(posts);
  });

  it("should deliver a backend's minimal message to refine", async () => {
    const { provider, network } = memoryHarness();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    network.publish("resources.posts", updated);
    await network.flush();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
    });
    expect(events[0]?.date).toBeInstanceOf(Date);
  });

  it("should share one SDK subscription between subscribers of a channel", async () => {
    const subscribe = vi.spyOn(MemorySubscription.prototype, "subscribe");
    const { provider, network, pubnub } = memoryHarness();
    const a = recorder();
    const b = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback: a.callback });
    provider.subscribe({ channel: posts, types: ["*"], callback: b.callback });
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    network.publish("resources.posts", updated);
    await network.flush();
    expect(a.events).toHaveLength(1);
    expect(b.events).toHaveLength(1);
  });

  it("should share the SDK subscription across providers on one client", async () => {
    const subscribe = vi.spyOn(MemorySubscription.prototype, "subscribe");
    const { provider, network, pubnub } = memoryHarness();
    const { liveProvider } = await import("@refinedev/pubnub");
    const other = liveProvider(pubnub, { releaseDelay: 0 });
    const a = recorder();
    const b = recorder();
    const handleA = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: a.callback,
    });
    const handleB = other.subscribe({
      channel: posts,
      types: ["*"],
      callback: b.callback,
    });
    expect(subscribe).toHaveBeenCalledTimes(1);
    network.publish("resources.posts", updated);
    await network.flush();
    expect([a.events.length, b.events.length]).toEqual([1, 1]);
    provider.unsubscribe(handleA);
    other.unsubscribe(handleB);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });

  it("should keep the channel while one subscriber is left, release it after the last", async () => {
    const { provider, network, pubnub } = memoryHarness();
    const a = recorder();
    const b = recorder();
    const handleA = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: a.callback,
    });
    const handleB = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: b.callback,
    });
    provider.unsubscribe(handleA);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    network.publish("resources.posts", updated);
    await network.flush();
    expect([a.events.length, b.events.length]).toEqual([0, 1]);
    provider.unsubscribe(handleB);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });

  it("should absorb StrictMode's subscribe, unsubscribe, subscribe", async () => {
    vi.useFakeTimers();
    const subscribe = vi.spyOn(MemorySubscription.prototype, "subscribe");
    const unsubscribe = vi.spyOn(MemorySubscription.prototype, "unsubscribe");
    const { provider, network, pubnub } = memoryHarness({ releaseDelay: 1000 });
    const { events, callback } = recorder();
    const first = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback,
    });
    provider.unsubscribe(first);
    provider.subscribe({ channel: posts, types: ["*"], callback });
    vi.advanceTimersByTime(5000);
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(unsubscribe).not.toHaveBeenCalled();
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    network.publish("resources.posts", updated);
    await network.flush();
    expect(events).toHaveLength(1);
  });

  it.each([
    ["set to 1000", 1000],
    ["left out (default)", undefined],
  ])(
    "should release one second after the last subscriber left, with releaseDelay %s",
    (_, releaseDelay) => {
      vi.useFakeTimers();
      const { provider, pubnub } = memoryHarness({ releaseDelay });
      const handle = provider.subscribe({
        channel: posts,
        types: ["*"],
        callback() {},
      });
      provider.unsubscribe(handle);
      vi.advanceTimersByTime(999);
      expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
      vi.advanceTimersByTime(1);
      expect(pubnub.getSubscribedChannels()).toEqual([]);
    },
  );

  it("should ignore a second unsubscribe and foreign handles", async () => {
    const { provider, network, pubnub } = memoryHarness();
    const keep = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    const handle = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    provider.unsubscribe(handle);
    provider.unsubscribe(handle);
    provider.unsubscribe({ channel: posts });
    provider.unsubscribe(undefined as never);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    provider.unsubscribe(keep);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });

  it("should not deliver to a subscriber removed during the same dispatch", async () => {
    const { provider, network } = memoryHarness();
    const late = recorder();
    let lateHandle: ReturnType<typeof provider.subscribe> | undefined;
    provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: () => lateHandle && provider.unsubscribe(lateHandle),
    });
    lateHandle = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: late.callback,
    });
    network.publish("resources.posts", updated);
    await network.flush();
    expect(late.events).toHaveLength(0);
  });

  it("should filter by types and by ids compared as strings", async () => {
    const { provider, network } = memoryHarness();
    const one = recorder();
    const deletes = recorder();
    provider.subscribe({
      channel: posts,
      types: ["*"],
      params: { ids: ["1"], subscriptionType: "useOne" },
      callback: one.callback,
    });
    provider.subscribe({
      channel: posts,
      types: ["deleted"],
      callback: deletes.callback,
    });
    network.publish("resources.posts", {
      type: "updated",
      payload: { ids: [1] },
    });
    network.publish("resources.posts", {
      type: "updated",
      payload: { ids: [2] },
    });
    network.publish("resources.posts", {
      type: "created",
      payload: { ids: [3] },
    });
    network.publish("resources.posts", {
      type: "deleted",
      payload: { ids: ["2"] },
    });
    await network.flush();
    expect(one.events.map((e) => [e.type, e.payload.ids])).toEqual([
      ["updated", [1]],
      ["created", [3]],
    ]);
    expect(deletes.events.map((e) => e.type)).toEqual(["deleted"]);
  });

  it("should watch the id 0 that refine's useOne sends as ids: []", async () => {
    const { provider, network } = memoryHarness();
    const { events, callback } = recorder();
    provider.subscribe({
      channel: posts,
      types: ["*"],
      params: { ids: [], id: 0, subscriptionType: "useOne" },
      callback,
    });
    network.publish("resources.posts", {
      type: "updated",
      payload: { ids: [5] },
    });
    network.publish("resources.posts", {
      type: "updated",
      payload: { ids: [0] },
    });
    await network.flush();
    expect(events.map((e) => e.payload.ids)).toEqual([[0]]);
  });

  it("should map awkward channel names, and keep look-alikes apart", async () => {
    const { provider, network } = memoryHarness({ namespace: "app" });
    const channels = [
      "resources/v1.posts",
      "resources/v1/posts",
      "custom channel, with: stuff*",
      "resources/статьи",
    ];
    const recorders = channels.map((channel) => {
      const r = recorder();
      provider.subscribe({ channel, types: ["*"], callback: r.callback });
      return r;
    });
    provider.publish({
      channel: channels[0] as string,
      type: "updated",
      payload: {},
      date: new Date(),
    });
    const { toPubNubChannel } = await import("@refinedev/pubnub");
    network.publish(toPubNubChannel(channels[2] as string, "app"), updated);
    await settle(network);
    expect(recorders.map((r) => r.events.length)).toEqual([0, 0, 1, 0]);
    expect(recorders[2]?.events[0]?.channel).toBe(channels[2]);
    expect(network.messages.map((m) => m.channel)).toEqual([
      "app.resources.v1~2Eposts",
      "app.custom~20channel~2C~20with~3A~20stuff~2A",
    ]);
  });

  it("should report an unmappable channel and still return a handle", () => {
    const { provider, errors } = memoryHarness();
    const handle = provider.subscribe({
      channel: `resources/${"x".repeat(100)}`,
      types: ["*"],
      callback() {},
    });
    expect(handle).toBeTruthy();
    expect(errors[0]).toBeInstanceOf(ChannelNameError);
    expect(() => provider.unsubscribe(handle)).not.toThrow();
  });

  it("should report a subscribe without a callback", () => {
    const { provider, errors } = memoryHarness();
    const handle = provider.subscribe({
      channel: posts,
      types: ["*"],
    } as never);
    expect(handle).toBeTruthy();
    expect(errors[0]).toBeInstanceOf(SubscribeError);
    expect(errors[0]?.message).toMatch(/callback is not a function/);
  });

  it("should report, not throw, a channel that is not a string", () => {
    const { provider, errors } = memoryHarness();
    for (const channel of [Symbol("posts"), undefined, 10n]) {
      expect(() =>
        provider.subscribe({ channel, types: ["*"] } as never),
      ).not.toThrow();
      expect(() =>
        provider.publish({ channel, type: "updated", payload: {} } as never),
      ).not.toThrow();
    }
    expect(errors.map((error) => error.category)).toEqual(
      Array(6).fill("channel-name"),
    );
  });

  it("should report an SDK that throws on unsubscribe, and forget the channel", async () => {
    const { provider, network, errors } = memoryHarness();
    const handle = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    vi.spyOn(MemorySubscription.prototype, "unsubscribe").mockImplementation(
      () => {
        throw new Error("client destroyed");
      },
    );
    provider.unsubscribe(handle);
    await settle(network);
    expect(errors[0]).toBeInstanceOf(SubscribeError);
    expect(errors[0]?.message).toMatch(
      /^Cannot unsubscribe from "resources\/posts": the PubNub SDK threw leaving resources\.posts/,
    );
    vi.mocked(MemorySubscription.prototype.unsubscribe).mockRestore();
    const again = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    expect(again).toBeTruthy();
    expect(errors).toHaveLength(1);
  });

  it("should report an SDK that throws on subscribe", () => {
    const { provider, errors, pubnub } = memoryHarness();
    vi.spyOn(pubnub, "channel").mockImplementation(() => {
      throw new Error("destroyed");
    });
    const handle = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    expect(handle).toBeTruthy();
    expect(errors[0]).toBeInstanceOf(SubscribeError);
    expect(errors[0]?.cause).toEqual(new Error("destroyed"));
  });
});

describe("incoming messages", () => {
  it.each([
    ["a string", "hello"],
    ["a number", 7],
    ["an array", [1, 2]],
    ["a wrong type field", { type: 3 }],
    ["wrong ids", { type: "updated", payload: { ids: { 0: 1 } } }],
    [
      "a __proto__ key",
      JSON.parse('{"type":"updated","__proto__":{"polluted":1}}'),
    ],
  ])("should drop %s without calling anyone", async (_, message) => {
    const { provider, network, errors } = memoryHarness();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    network.publish("resources.posts", message);
    network.publish("resources.posts", updated);
    await network.flush();
    expect(events.map((e) => e.type)).toEqual(["updated"]);
    expect(errors.map((e) => e.category)).toEqual(["invalid-message"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("should keep delivering when a callback throws", async () => {
    const { provider, network, errors } = memoryHarness();
    const { events, callback } = recorder();
    provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: () => {
        throw new Error("page bug");
      },
    });
    provider.subscribe({ channel: posts, types: ["*"], callback });
    network.publish("resources.posts", updated);
    await network.flush();
    expect(events).toHaveLength(1);
    expect(errors.map((e) => e.category)).toEqual(["callback"]);
    expect(errors[0]?.message).toMatch(/page bug/);
  });

  it("should report callbacks that throw values with no string form", async () => {
    const { provider, network, errors } = memoryHarness();
    const { events, callback } = recorder();
    for (const thrown of [Object.create(null), Symbol("odd")]) {
      provider.subscribe({
        channel: posts,
        types: ["*"],
        callback: () => {
          throw thrown;
        },
      });
    }
    provider.subscribe({ channel: posts, types: ["*"], callback });
    network.publish("resources.posts", updated);
    await network.flush();
    expect(events).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/threw \(\[object Object\]\)/),
      expect.stringMatching(/threw \(Symbol\(odd\)\)/),
    ]);
  });

  it("should survive an onError that throws", async () => {
    const { provider, network } = memoryHarness({
      onError: () => {
        throw new Error("bad handler");
      },
    });
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    network.publish("resources.posts", "junk");
    await expect(network.flush()).resolves.toBeUndefined();
  });

  it("should merge the events of one tick, in order, and hand manual pages every id", async () => {
    const { provider, pubnub, network } = memoryHarness();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    // One long-poll response: the SDK hands its messages over synchronously.
    const messages = [
      updated,
      { type: "updated", payload: { ids: ["2"] } },
      { type: "created", payload: { ids: [3] } },
      updated,
    ];
    for (const [index, message] of messages.entries()) {
      pubnub.deliver({
        channel: "resources.posts",
        message,
        timetoken: `1795461667457000${index}`,
        publisher: "server",
      });
    }
    await network.flush();
    expect(events.map(({ type, payload }) => [type, payload.ids])).toEqual([
      ["updated", [1, "2"]],
      ["created", [3]],
      ["updated", [1]],
    ]);
    network.publish("resources.posts", updated);
    await network.flush();
    expect(events).toHaveLength(4);
  });

  it("should drop a message the SDK hands over twice", async () => {
    const { provider, pubnub, network } = memoryHarness();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    const message = {
      channel: "resources.posts",
      message: updated,
      timetoken: "17954616674570000",
      publisher: "server",
    };
    pubnub.deliver(message);
    await network.flush();
    pubnub.deliver(message);
    pubnub.deliver({ ...message, timetoken: "17954616674580000" });
    await network.flush();
    expect(events).toHaveLength(2);
  });
});

import { type ConnectionState, liveProvider } from "@refinedev/pubnub";
import { MemoryPubNub } from "@refinedev/pubnub/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryHarness, recorder } from "./helpers/memoryHarness";
import { ALWAYS_RESYNC, errorLog } from "./helpers/providerHarness";

const posts = "resources/posts";
const unexpected = {
  category: "PNDisconnectedUnexpectedlyCategory",
  error: "PNNetworkIssuesCategory",
};
const denied = {
  category: "PNDisconnectedUnexpectedlyCategory",
  error: "PNAccessDeniedCategory",
};

afterEach(() => {
  vi.useRealTimers();
});

/** Advances fake timers and lets the memory network deliver. */
async function advance(pubnub: MemoryPubNub, ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await pubnub.network.flush();
  await vi.advanceTimersByTimeAsync(0);
}

describe("connection state", () => {
  it("should go idle → connecting → connected, and disconnected when all leave", async () => {
    const states: ConnectionState[] = [];
    const { provider, pubnub } = memoryHarness({
      onConnectionStateChange: (s) => states.push(s),
    });
    expect(provider.connection.getState()).toEqual({ status: "idle" });
    const handle = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    expect(provider.connection.getState().status).toBe("connecting");
    await pubnub.network.flush();
    expect(provider.connection.getState().status).toBe("connected");
    provider.unsubscribe(handle);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await pubnub.network.flush();
    expect(states.map((s) => s.status)).toEqual([
      "connecting",
      "connected",
      "disconnected",
    ]);
  });

  it("should let listeners stop listening", async () => {
    const { provider, pubnub } = memoryHarness();
    const listener = vi.fn();
    const stop = provider.connection.subscribe(listener);
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    stop();
    await pubnub.network.flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("reconnect and resync", () => {
  it("should reconnect within 5 s after an unexpected disconnect, and resync once", async () => {
    vi.useFakeTimers();
    const { provider, pubnub, errors } = memoryHarness(ALWAYS_RESYNC);
    const reconnect = vi.spyOn(pubnub, "reconnect");
    const a = recorder();
    const b = recorder();
    const other = recorder();
    provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: a.callback,
      meta: { dataProviderName: "cms" },
    });
    provider.subscribe({
      channel: posts,
      types: ["deleted"],
      params: { ids: [1] },
      callback: b.callback,
    });
    provider.subscribe({
      channel: "resources/users",
      types: ["*"],
      callback: other.callback,
    });
    await advance(pubnub, 0);
    expect(provider.connection.getState().status).toBe("connected");

    pubnub.emitStatus(unexpected);
    await advance(pubnub, 0);
    expect(provider.connection.getState()).toMatchObject({
      status: "reconnecting",
      error: { category: "connection" },
    });
    expect(errors.map((e) => e.category)).toEqual(["connection"]);
    await advance(pubnub, 5000);
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(provider.connection.getState().status).toBe("connected");
    // Resync honours types: b takes only "deleted" events.
    expect(b.events).toEqual([]);
    for (const { events } of [a, other]) {
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: "*",
        payload: {},
        meta: { resync: true },
      });
    }
    expect(a.events[0]?.meta).toEqual({
      resync: true,
      dataProviderName: "cms",
    });
    expect(a.events[0]?.channel).toBe(posts);
    expect(other.events[0]?.channel).toBe("resources/users");
  });

  it("should keep trying with growing delays while reconnects fail", async () => {
    vi.useFakeTimers();
    const delays: number[] = [];
    const { provider, pubnub } = memoryHarness({
      ...ALWAYS_RESYNC,
      reconnectDelay: (attempt) => {
        delays.push(attempt);
        return 1000 * (attempt + 1);
      },
    });
    vi.spyOn(pubnub, "reconnect").mockImplementation(() => {
      pubnub.emitStatus({
        category: "PNConnectionErrorCategory",
        error: "PNNetworkIssuesCategory",
      });
    });
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    await advance(pubnub, 0);
    pubnub.emitStatus(unexpected);
    await advance(pubnub, 1000 + 2000 + 3000);
    expect(delays).toEqual([0, 1, 2, 3]);
    expect(provider.connection.getState().status).toBe("reconnecting");
    vi.mocked(pubnub.reconnect).mockRestore();
    await advance(pubnub, 4000);
    expect(provider.connection.getState().status).toBe("connected");
    expect(events).toHaveLength(1);
  });

  it("should resync after a first connection that failed", async () => {
    vi.useFakeTimers();
    const { provider, pubnub } = memoryHarness(ALWAYS_RESYNC);
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    pubnub.emitStatus({
      category: "PNConnectionErrorCategory",
      error: "PNNetworkIssuesCategory",
    });
    await advance(pubnub, 5000);
    expect(provider.connection.getState().status).toBe("connected");
    expect(events.map((e) => e.type)).toEqual(["*"]);
  });

  it("should not resync with resync: false", async () => {
    vi.useFakeTimers();
    const { provider, pubnub } = memoryHarness({
      ...ALWAYS_RESYNC,
      resync: false,
    });
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    await advance(pubnub, 0);
    pubnub.emitStatus(unexpected);
    await advance(pubnub, 5000);
    expect(provider.connection.getState().status).toBe("connected");
    expect(events).toEqual([]);
  });
});

describe("quiet reconnect", () => {
  /** A connected subscriber of posts, and the outage to put it through. */
  async function connectedPosts(options: Parameters<typeof memoryHarness>[0]) {
    vi.useFakeTimers();
    const harness = memoryHarness({ reconnectDelay: () => 10, ...options });
    const { events, callback } = recorder();
    harness.provider.subscribe({ channel: posts, types: ["*"], callback });
    await advance(harness.pubnub, 0);
    const outage = async (ms: number) => {
      harness.pubnub.emitStatus(unexpected);
      await advance(harness.pubnub, ms);
      expect(harness.provider.connection.getState().status).toBe("connected");
    };
    return { ...harness, events, outage };
  }

  it("should send no resync after a short outage: PubNub kept what was missed", async () => {
    const { events, outage } = await connectedPosts({});
    await outage(60_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events).toEqual([]);
  });

  it("should resync at a random moment within resyncJitter after a long outage, skipping what it covers", async () => {
    const random = vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { events, outage, network } = await connectedPosts({
      reconnectDelay: () => 5_000,
      catchUpWindow: 1000,
      resyncJitter: 4000,
    });
    await outage(5_000);
    random.mockRestore();
    network.publish("resources.posts", {
      type: "deleted",
      payload: { ids: [1] },
    });
    await vi.advanceTimersByTimeAsync(1_900);
    await network.flush();
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(events.map((event) => event.meta?.resync)).toEqual([true]);
    network.publish("resources.posts", {
      type: "deleted",
      payload: { ids: [2] },
    });
    await network.flush();
    expect(events.map((event) => event.type)).toEqual(["*", "deleted"]);
  });

  it("should refuse unusable catch-up options", () => {
    const pubnub = new MemoryPubNub();
    for (const catchUpLimit of [-1, 1.5, Number.NaN, Infinity]) {
      expect(() => liveProvider(pubnub, { catchUpLimit })).toThrow(
        /catchUpLimit must be a whole number of messages/,
      );
    }
    for (const name of ["catchUpWindow", "resyncJitter"] as const) {
      expect(() => liveProvider(pubnub, { [name]: -1 })).toThrow(
        new RegExp(`${name} must be 0 to 2147483647 milliseconds, got -1`),
      );
    }
  });
});

describe("the older subscribe loop (enableEventEngine: false)", () => {
  const serverError = {
    category: "PNServerErrorCategory",
    operation: "PNSubscribeOperation",
    error: true,
    statusCode: 500,
  };

  /** A client whose reconnect() is as quiet as the older loop's. */
  function olderLoop(options: Parameters<typeof memoryHarness>[0] = {}) {
    const harness = memoryHarness({
      ...ALWAYS_RESYNC,
      reconnectDelay: () => 100,
      ...options,
    });
    const reconnect = vi
      .spyOn(harness.pubnub, "reconnect")
      .mockImplementation(() => {});
    return { ...harness, reconnect };
  }

  it("should restart a stopped loop and call it connected after 2 s without failure", async () => {
    vi.useFakeTimers();
    const { provider, pubnub, reconnect, errors } = olderLoop();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    await advance(pubnub, 0);
    pubnub.emitStatus(serverError);
    await advance(pubnub, 100);
    expect(reconnect).toHaveBeenCalledTimes(1);
    await advance(pubnub, 1999);
    expect(provider.connection.getState().status).toBe("reconnecting");
    expect(events).toEqual([]);
    await advance(pubnub, 1);
    expect(provider.connection.getState().status).toBe("connected");
    expect(events.map((e) => e.type)).toEqual(["*"]);
    expect(errors.map((e) => e.category)).toEqual(["connection"]);
  });

  it("should not call it connected when the restarted loop fails again", async () => {
    vi.useFakeTimers();
    const { provider, pubnub, reconnect } = olderLoop();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    await advance(pubnub, 0);
    pubnub.emitStatus(serverError);
    await advance(pubnub, 100 + 1000);
    pubnub.emitStatus(serverError);
    // The first confirmation was due at 2100 ms; the second restart is at
    // 1200 ms, so it is confirmed at 3200 ms.
    await advance(pubnub, 2000);
    expect(provider.connection.getState().status).toBe("reconnecting");
    expect(reconnect).toHaveBeenCalledTimes(2);
    await advance(pubnub, 100);
    expect(provider.connection.getState().status).toBe("connected");
    expect(events).toHaveLength(1);
  });

  it("should leave network failures to the SDK's own polling, then confirm its reconnect", async () => {
    vi.useFakeTimers();
    const { provider, pubnub, reconnect, errors } = olderLoop();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    await advance(pubnub, 0);
    const issues = {
      category: "PNNetworkIssuesCategory",
      operation: "PNSubscribeOperation",
      error: true,
    };
    pubnub.emitStatus(issues);
    pubnub.emitStatus(issues);
    await advance(pubnub, 10_000);
    expect(reconnect).not.toHaveBeenCalled();
    expect(provider.connection.getState().status).toBe("reconnecting");
    expect(errors).toHaveLength(1);
    pubnub.emitStatus({
      category: "PNReconnectedCategory",
      operation: "PNSubscribeOperation",
    });
    await advance(pubnub, 2000);
    expect(provider.connection.getState().status).toBe("connected");
    expect(events.map((e) => e.type)).toEqual(["*"]);
  });

  it("should refresh a refused token and confirm the restarted loop", async () => {
    vi.useFakeTimers();
    const getToken = vi.fn(async () => "fresh-token");
    const { provider, pubnub, reconnect } = olderLoop({ getToken });
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await advance(pubnub, 0);
    pubnub.emitStatus({
      category: "PNAccessDeniedCategory",
      operation: "PNSubscribeOperation",
      error: true,
      statusCode: 403,
    });
    await advance(pubnub, 0);
    expect(pubnub.getToken()).toBe("fresh-token");
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(provider.connection.getState().status).toBe("reconnecting");
    await advance(pubnub, 2000);
    expect(provider.connection.getState().status).toBe("connected");
  });

  it("should ignore the older loop's heartbeat failures", async () => {
    vi.useFakeTimers();
    const { provider, pubnub, errors } = olderLoop();
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await advance(pubnub, 0);
    pubnub.emitStatus({
      category: "PNNetworkIssuesCategory",
      operation: "PNHeartbeatOperation",
      error: true,
    });
    await advance(pubnub, 5000);
    expect(provider.connection.getState().status).toBe("connected");
    expect(errors).toEqual([]);
  });
});

describe("access denied", () => {
  it("should fetch a new token, set it and reconnect", async () => {
    vi.useFakeTimers();
    const getToken = vi.fn(async () => "fresh-token");
    const { provider, pubnub, errors } = memoryHarness({
      ...ALWAYS_RESYNC,
      getToken,
    });
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    await advance(pubnub, 0);
    pubnub.emitStatus(denied);
    await advance(pubnub, 0);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(pubnub.getToken()).toBe("fresh-token");
    expect(provider.connection.getState().status).toBe("connected");
    expect(events.map((e) => e.type)).toEqual(["*"]);
    expect(errors).toEqual([]);
  });

  it("should end in error after three refused tokens", async () => {
    vi.useFakeTimers();
    const { provider, pubnub, errors } = memoryHarness({
      ...ALWAYS_RESYNC,
      getToken: () => "still-bad",
      reconnectDelay: () => 100,
    });
    vi.spyOn(pubnub, "reconnect").mockImplementation(() =>
      pubnub.emitStatus(denied),
    );
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await advance(pubnub, 0);
    pubnub.emitStatus(denied);
    await advance(pubnub, 1000);
    expect(pubnub.reconnect).toHaveBeenCalledTimes(3);
    expect(provider.connection.getState()).toMatchObject({
      status: "error",
      error: {
        category: "access-denied",
        message: expect.stringMatching(/refused 3 tokens/),
      },
    });
    expect(errors.map((e) => e.category)).toEqual(["access-denied"]);
  });

  it("should report getToken failures and retry", async () => {
    vi.useFakeTimers();
    const getToken = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("auth server down"))
      .mockResolvedValue("ok-token");
    const { provider, pubnub, errors } = memoryHarness({
      ...ALWAYS_RESYNC,
      getToken,
      reconnectDelay: () => 100,
    });
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await advance(pubnub, 0);
    pubnub.emitStatus(denied);
    await advance(pubnub, 500);
    expect(errors[0]?.message).toMatch(
      /getToken callback failed \(Error: auth server down\); retrying/,
    );
    expect(pubnub.getToken()).toBe("ok-token");
    expect(provider.connection.getState().status).toBe("connected");
  });

  it("should say what to do when there is no getToken", async () => {
    const { provider, pubnub, errors } = memoryHarness(ALWAYS_RESYNC);
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await pubnub.network.flush();
    pubnub.emitStatus(denied);
    await pubnub.network.flush();
    expect(provider.connection.getState().status).toBe("error");
    expect(errors[0]?.message).toMatch(/Pass `getToken` to liveProvider\(\)/);
  });
});

describe("dispose()", () => {
  it("should release channels, listeners and timers, and leave the client usable", async () => {
    vi.useFakeTimers();
    const pubnub = new MemoryPubNub();
    const { errors, onError } = errorLog();
    const provider = liveProvider(pubnub, { onError });
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    provider.subscribe({ channel: "resources/users", types: ["*"], callback });
    const leaving = provider.subscribe({
      channel: "resources/tags",
      types: ["*"],
      callback,
    });
    provider.unsubscribe(leaving);
    await advance(pubnub, 0);
    expect(pubnub.getSubscribedChannels()).toContain("resources.tags");
    pubnub.emitStatus(unexpected);
    await advance(pubnub, 0);
    expect(vi.getTimerCount()).toBe(2);

    provider.dispose();
    expect(pubnub.getSubscribedChannels()).toEqual([]);
    expect(pubnub.listenerCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(provider.connection.getState().status).toBe("disconnected");
    provider.dispose();

    provider.subscribe({ channel: posts, types: ["*"], callback });
    provider.publish({
      channel: posts,
      type: "updated",
      payload: {},
      date: new Date(),
    });
    expect(errors.map((e) => (e as { category: string }).category)).toEqual([
      "connection",
      "disposed",
      "disposed",
    ]);
    expect(pubnub.getSubscribedChannels()).toEqual([]);

    const fresh = liveProvider(pubnub, { onError: () => {} });
    fresh.subscribe({ channel: posts, types: ["*"], callback });
    pubnub.network.publish("resources.posts", { type: "updated" });
    await advance(pubnub, 0);
    expect(events.map((e) => e.type)).toEqual(["updated"]);
  });
});

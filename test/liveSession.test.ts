import { type ConnectionState, liveProvider } from "@refinedev/pubnub";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recorder, settle } from "./helpers/memoryHarness";
import { ALWAYS_RESYNC, errorLog } from "./helpers/providerHarness";

const posts = "resources/posts";
const lost = {
  category: "PNDisconnectedUnexpectedlyCategory",
  error: "PNNetworkIssuesCategory",
};
const denied = { ...lost, error: "PNAccessDeniedCategory" };

afterEach(() => {
  vi.useRealTimers();
});

/** One client on a fresh network, and a second client (another tab). */
function twoTabs() {
  const network = new MemoryNetwork();
  const pubnub = new MemoryPubNub({ network, userId: "alice" });
  const otherTab = new MemoryPubNub({ network, userId: "alice" });
  return { network, pubnub, otherTab };
}

describe("one live session per PubNub client", () => {
  it("should keep one status listener however many providers are created", () => {
    const { pubnub } = twoTabs();
    for (let i = 0; i < 10; i++) liveProvider(pubnub, { releaseDelay: 0 });
    expect(pubnub.listenerCount).toBe(1);
  });

  it("should not echo a publish to any subscriber on the publishing client", async () => {
    const { network, pubnub, otherTab } = twoTabs();
    const first = liveProvider(pubnub, { releaseDelay: 0 });
    const second = liveProvider(pubnub, { releaseDelay: 0 });
    const own = recorder();
    const other = recorder();
    first.subscribe({ channel: posts, types: ["*"], callback: own.callback });
    liveProvider(otherTab).subscribe({
      channel: posts,
      types: ["*"],
      callback: other.callback,
    });
    await settle(network);
    second.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date: new Date(),
    });
    await settle(network);
    expect(own.events).toEqual([]);
    expect(other.events.map((event) => event.type)).toEqual(["updated"]);
  });

  it("should deliver own events to a subscriber whose provider asks for them", async () => {
    const { network, pubnub } = twoTabs();
    const listening = liveProvider(pubnub, { ignoreOwnEvents: false });
    const publishing = liveProvider(pubnub);
    const own = recorder();
    listening.subscribe({
      channel: posts,
      types: ["*"],
      callback: own.callback,
    });
    await settle(network);
    publishing.publish({
      channel: posts,
      type: "created",
      payload: {},
      date: new Date(),
    });
    await settle(network);
    expect(own.events.map((event) => event.type)).toEqual(["created"]);
  });

  it("should report one outage once, to the newest provider, and resync each subscriber once", async () => {
    vi.useFakeTimers();
    const { network, pubnub } = twoTabs();
    const logs = [errorLog(), errorLog(), errorLog()];
    const providers = logs.map(({ onError }) =>
      liveProvider(pubnub, {
        ...ALWAYS_RESYNC,
        onError,
        reconnectDelay: () => 10,
      }),
    );
    const received = providers.map((provider) => {
      const events = recorder();
      provider.subscribe({
        channel: posts,
        types: ["*"],
        callback: events.callback,
      });
      return events;
    });
    await network.flush();
    for (let i = 0; i < 3; i++) pubnub.emitStatus(lost);
    await vi.advanceTimersByTimeAsync(20);
    await network.flush();
    expect(logs.map(({ errors }) => errors.length)).toEqual([0, 0, 1]);
    expect(logs[2]?.errors[0]?.category).toBe("connection");
    for (const { events } of received) {
      expect(events.filter((event) => event.meta?.resync)).toHaveLength(1);
    }
  });

  it("should take namespace and releaseDelay from the provider a subscriber used", async () => {
    vi.useFakeTimers();
    const { network, pubnub } = twoTabs();
    const tenant = liveProvider(pubnub, { namespace: "acme", releaseDelay: 0 });
    const plain = liveProvider(pubnub, { releaseDelay: 5_000 });
    const kept = plain.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    const released = tenant.subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    await network.flush();
    expect(pubnub.getSubscribedChannels().sort()).toEqual([
      "acme.resources.posts",
      "resources.posts",
    ]);
    plain.unsubscribe(kept);
    tenant.unsubscribe(released);
    await vi.advanceTimersByTimeAsync(1);
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });

  it("should report a throwing callback to the provider it subscribed through", async () => {
    const { network, pubnub } = twoTabs();
    const [first, second] = [errorLog(), errorLog()];
    liveProvider(pubnub, { onError: first.onError }).subscribe({
      channel: posts,
      types: ["*"],
      callback() {
        throw new Error("boom");
      },
    });
    liveProvider(pubnub, { onError: second.onError });
    await settle(network);
    network.publish("resources.posts", {
      type: "updated",
      payload: {},
      date: new Date(),
    });
    await settle(network);
    expect(first.errors.map((error) => error.category)).toEqual(["callback"]);
    expect(second.errors).toEqual([]);
  });

  it("should tell only the newest provider's onConnectionStateChange", async () => {
    const { network, pubnub } = twoTabs();
    const older = vi.fn();
    const newer = vi.fn();
    liveProvider(pubnub, { onConnectionStateChange: older });
    const provider = liveProvider(pubnub, { onConnectionStateChange: newer });
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await settle(network);
    expect(older).not.toHaveBeenCalled();
    expect(newer.mock.calls.map(([state]) => state.status)).toEqual([
      "connecting",
      "connected",
    ]);
  });

  it("should take getToken and reconnectDelay from the newest provider", async () => {
    vi.useFakeTimers();
    const { network, pubnub } = twoTabs();
    const oldToken = vi.fn(() => "old");
    liveProvider(pubnub, { getToken: oldToken, reconnectDelay: () => 60_000 });
    const provider = liveProvider(pubnub, {
      getToken: () => "new",
      reconnectDelay: () => 10,
      onError() {},
    });
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await network.flush();
    const setToken = vi.spyOn(pubnub, "setToken");
    const reconnect = vi.spyOn(pubnub, "reconnect");
    pubnub.emitStatus(denied);
    await vi.advanceTimersByTimeAsync(1);
    expect(setToken).toHaveBeenCalledWith("new");
    expect(oldToken).not.toHaveBeenCalled();
    pubnub.emitStatus(lost);
    await vi.advanceTimersByTimeAsync(20);
    expect(reconnect).toHaveBeenCalledTimes(2);
  });

  it("should dispose only what that provider's subscribers hold", async () => {
    const { network, pubnub, otherTab } = twoTabs();
    const staying = liveProvider(pubnub, { releaseDelay: 0 });
    const leaving = liveProvider(pubnub, { releaseDelay: 0 });
    const kept = recorder();
    const gone = recorder();
    staying.subscribe({
      channel: posts,
      types: ["*"],
      callback: kept.callback,
    });
    leaving.subscribe({
      channel: posts,
      types: ["*"],
      callback: gone.callback,
    });
    leaving.subscribe({
      channel: "resources/users",
      types: ["*"],
      callback() {},
    });
    await settle(network);
    leaving.dispose();
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    expect(pubnub.listenerCount).toBe(1);
    expect(staying.connection.getState().status).toBe("connected");
    liveProvider(otherTab).publish({
      channel: posts,
      type: "updated",
      payload: {},
      date: new Date(),
    });
    await settle(network);
    expect(kept.events).toHaveLength(1);
    expect(gone.events).toEqual([]);
    staying.dispose();
    expect(pubnub.listenerCount).toBe(0);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });

  it("should unsubscribe a handle passed to another provider on the client", async () => {
    const { network, pubnub } = twoTabs();
    const handle = liveProvider(pubnub, { releaseDelay: 0 }).subscribe({
      channel: posts,
      types: ["*"],
      callback() {},
    });
    await settle(network);
    liveProvider(pubnub, { releaseDelay: 0 }).unsubscribe(handle);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });

  it("should ignore a handle passed to a provider on another client", async () => {
    const { network, pubnub, otherTab } = twoTabs();
    const subscriber = recorder();
    const handle = liveProvider(pubnub, { releaseDelay: 0 }).subscribe({
      channel: posts,
      types: ["*"],
      callback: subscriber.callback,
    });
    liveProvider(otherTab, { releaseDelay: 0 }).unsubscribe(handle);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    network.publish("resources.posts", { type: "updated", payload: {} });
    await settle(network);
    expect(subscriber.events).toHaveLength(1);
    // Its own client's providers still release it.
    liveProvider(pubnub, { releaseDelay: 0 }).unsubscribe(handle);
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });
});

describe("types are always honoured", () => {
  it("should not deliver '*' events or resyncs to a subscriber of other types", async () => {
    vi.useFakeTimers();
    const { network, pubnub } = twoTabs();
    const { errors, onError } = errorLog();
    const provider = liveProvider(pubnub, {
      ...ALWAYS_RESYNC,
      reconnectDelay: () => 10,
      onError,
    });
    const sidebar = recorder();
    const list = recorder();
    provider.subscribe({
      channel: posts,
      types: ["created", "updated"],
      callback: sidebar.callback,
    });
    provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: list.callback,
    });
    await network.flush();
    network.publish("resources.posts", { type: "*", payload: {} });
    pubnub.emitStatus(lost);
    await vi.advanceTimersByTimeAsync(20);
    await network.flush();
    network.publish("resources.posts", {
      type: "created",
      payload: {},
      date: new Date(),
    });
    await network.flush();
    expect(sidebar.events.map((event) => event.type)).toEqual(["created"]);
    expect(list.events.map((event) => event.type)).toEqual([
      "*",
      "*",
      "created",
    ]);
    expect(errors.map((error) => error.category)).toEqual(["connection"]);
  });

  it("should not resync a subscriber removed during the same resync", async () => {
    vi.useFakeTimers();
    const { network, pubnub } = twoTabs();
    const provider = liveProvider(pubnub, {
      ...ALWAYS_RESYNC,
      reconnectDelay: () => 10,
      onError() {},
    });
    const late = recorder();
    let lateHandle: ReturnType<typeof provider.subscribe> | undefined;
    const first = recorder();
    provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: (event) => {
        first.callback(event);
        if (lateHandle) provider.unsubscribe(lateHandle);
      },
    });
    lateHandle = provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: late.callback,
    });
    await network.flush();
    pubnub.emitStatus(lost);
    await vi.advanceTimersByTimeAsync(20);
    await network.flush();
    expect(first.events.map((event) => event.meta?.resync)).toEqual([true]);
    expect(late.events).toEqual([]);
  });
});

describe("every user callback is guarded", () => {
  const throwing = () => {
    throw new Error("oops");
  };

  it("should subscribe although onConnectionStateChange throws", async () => {
    const { network, pubnub } = twoTabs();
    const { errors, onError } = errorLog();
    const provider = liveProvider(pubnub, {
      onError,
      onConnectionStateChange: throwing,
    });
    const events = recorder();
    provider.subscribe({
      channel: posts,
      types: ["*"],
      callback: events.callback,
    });
    await settle(network);
    expect(pubnub.getSubscribedChannels()).toEqual(["resources.posts"]);
    expect(provider.connection.getState().status).toBe("connected");
    expect(errors.map((error) => error.category)).toEqual([
      "callback",
      "callback",
    ]);
    expect(errors[0]?.message).toContain("onConnectionStateChange");
  });

  it("should keep telling the other connection listeners when one throws", async () => {
    const { network, pubnub } = twoTabs();
    const { errors, onError } = errorLog();
    const provider = liveProvider(pubnub, { onError });
    const states: ConnectionState[] = [];
    provider.connection.subscribe(throwing);
    provider.connection.subscribe((state) => states.push(state));
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await settle(network);
    expect(states.map((state) => state.status)).toEqual([
      "connecting",
      "connected",
    ]);
    expect(errors.map((error) => error.category)).toEqual([
      "callback",
      "callback",
    ]);
  });

  it("should report a throwing getToken as a callback error and retry", async () => {
    vi.useFakeTimers();
    const { network, pubnub } = twoTabs();
    const { errors, onError } = errorLog();
    const getToken = vi
      .fn()
      .mockImplementationOnce(throwing)
      .mockReturnValue("t2");
    const provider = liveProvider(pubnub, {
      onError,
      getToken,
      reconnectDelay: () => 10,
    });
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await network.flush();
    const setToken = vi.spyOn(pubnub, "setToken");
    pubnub.emitStatus(denied);
    await vi.advanceTimersByTimeAsync(20);
    expect(errors.map((error) => error.category)).toEqual(["callback"]);
    expect(errors[0]?.message).toContain("getToken");
    expect(setToken).toHaveBeenCalledWith("t2");
  });

  it("should reconnect with the default delay when reconnectDelay throws", async () => {
    vi.useFakeTimers();
    const { network, pubnub } = twoTabs();
    const { errors, onError } = errorLog();
    const provider = liveProvider(pubnub, {
      onError,
      reconnectDelay: throwing,
    });
    provider.subscribe({ channel: posts, types: ["*"], callback() {} });
    await network.flush();
    const reconnect = vi.spyOn(pubnub, "reconnect");
    pubnub.emitStatus(lost);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(errors.map((error) => error.category)).toEqual([
      "connection",
      "callback",
    ]);
    expect(errors[1]?.message).toContain("reconnectDelay");
  });

  it("should log, not loop, when onError itself throws", async () => {
    const { network, pubnub } = twoTabs();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const provider = liveProvider(pubnub, { onError: throwing });
    provider.subscribe({ channel: posts, types: ["*"], callback: throwing });
    await settle(network);
    network.publish("resources.posts", {
      type: "updated",
      payload: {},
      date: new Date(),
    });
    await settle(network);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain("onError");
  });
});

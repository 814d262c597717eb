import {
  ChannelNameError,
  liveProvider,
  PUBNUB_MESSAGE_LIMIT,
  PublishError,
} from "@refinedev/pubnub";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { describe, expect, it, vi } from "vitest";
import { memoryHarness, recorder } from "./helpers/memoryHarness";
import { errorLog } from "./helpers/providerHarness";

const posts = "resources/posts";
const date = new Date("2026-11-22T10:00:00.000Z");

describe("publish()", () => {
  it("should publish the wire format onto the mapped channel", async () => {
    const { provider, network } = memoryHarness();
    provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
      meta: { dataProviderName: "cms" },
    });
    await network.flush();
    expect(network.messages).toHaveLength(1);
    expect(network.messages[0]).toMatchObject({
      channel: "resources.posts",
      message: {
        type: "updated",
        payload: { ids: [1] },
        date: "2026-11-22T10:00:00.000Z",
        meta: { dataProviderName: "cms" },
      },
    });
  });

  it("should reach another client with a Date and dataProviderName", async () => {
    const network = new MemoryNetwork();
    const alice = memoryHarness({ network });
    const bob = memoryHarness({ network });
    const { events, callback } = recorder();
    bob.provider.subscribe({ channel: posts, types: ["*"], callback });
    alice.provider.publish({
      channel: posts,
      type: "deleted",
      payload: { ids: ["7"] },
      date,
      meta: {
        dataProviderName: "cms",
        gqlQuery: new (class Doc {})() as never,
      },
    });
    await network.flush();
    expect(events).toEqual([
      {
        channel: posts,
        type: "deleted",
        payload: { ids: ["7"] },
        date,
        meta: { dataProviderName: "cms" },
      },
    ]);
  });

  it("should not deliver a provider's own events back to it", async () => {
    const { provider, network } = memoryHarness();
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
    });
    await network.flush();
    expect(network.messages).toHaveLength(1);
    expect(events).toHaveLength(0);
  });

  it("should still update the same user's other tab", async () => {
    const network = new MemoryNetwork();
    const tab1 = memoryHarness({ network, userId: "alice" });
    const tab2 = memoryHarness({ network, userId: "alice" });
    const { events, callback } = recorder();
    tab2.provider.subscribe({ channel: posts, types: ["*"], callback });
    tab1.provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
    });
    await network.flush();
    expect(events).toHaveLength(1);
  });

  it("should not echo to another provider on the publishing client", async () => {
    const { provider, network, pubnub } = memoryHarness();
    const other = liveProvider(pubnub, { releaseDelay: 0 });
    const { events, callback } = recorder();
    other.subscribe({ channel: posts, types: ["*"], callback });
    provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
    });
    await network.flush();
    expect(events).toEqual([]);
  });

  it("should deliver own events with ignoreOwnEvents: false", async () => {
    const { provider, network } = memoryHarness({ ignoreOwnEvents: false });
    const { events, callback } = recorder();
    provider.subscribe({ channel: posts, types: ["*"], callback });
    provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
    });
    await network.flush();
    expect(events).toHaveLength(1);
  });
});

describe("publish() size guard", () => {
  const big = "x".repeat(PUBNUB_MESSAGE_LIMIT);

  it("should drop meta, then extra payload, before giving up ids", async () => {
    const { provider, network, errors } = memoryHarness();
    provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1, 2], title: big },
      date,
      meta: { dataProviderName: "cms", notes: big },
    });
    await network.flush();
    expect(errors).toEqual([]);
    expect(network.messages[0]?.message).toEqual({
      type: "updated",
      payload: { ids: [1, 2] },
      date: date.toISOString(),
      meta: { dataProviderName: "cms" },
    });
  });

  it("should keep extra payload when only meta is too large", async () => {
    const { provider, network } = memoryHarness();
    provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1], title: "kept" },
      date,
      meta: { dataProviderName: "cms", notes: big },
    });
    await network.flush();
    expect(network.messages[0]?.message).toMatchObject({
      payload: { ids: [1], title: "kept" },
      meta: { dataProviderName: "cms" },
    });
  });

  it("should send a resource-wide event when even the ids do not fit", async () => {
    const { provider, network } = memoryHarness();
    const ids = Array.from({ length: 10_000 }, (_, index) => `id-${index}`);
    provider.publish({
      channel: posts,
      type: "deleted",
      payload: { ids },
      date,
    });
    await network.flush();
    const sent = network.messages[0];
    expect(sent?.message).toEqual({
      type: "deleted",
      payload: {},
      date: date.toISOString(),
    });
    const escaped = [sent?.channel, sent?.message, sent?.meta].map((part) =>
      encodeURIComponent(JSON.stringify(part ?? "")),
    );
    expect(escaped.join("").length).toBeLessThan(PUBNUB_MESSAGE_LIMIT);
  });

  it("should report, not send, an event whose type alone is too large", async () => {
    const { provider, network, errors } = memoryHarness();
    provider.publish({ channel: posts, type: big, payload: {}, date });
    await network.flush();
    expect(network.messages).toHaveLength(0);
    expect(errors[0]).toBeInstanceOf(PublishError);
    expect(errors[0]).toMatchObject({ reason: "too-large" });
    expect(errors[0]?.channel).toBe(posts);
  });
});

describe("publish() failures", () => {
  it("should leave publishing to the backend, silently, on a client without a publish key", async () => {
    const network = new MemoryNetwork();
    const pubnub = new MemoryPubNub({ network, publishKey: null });
    const { errors, onError } = errorLog();
    const provider = liveProvider(pubnub, { onError });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    provider.publish({ channel: posts, type: "created", payload: {}, date });
    await network.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(network.messages).toEqual([]);
    expect(errors).toEqual([]);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('should not publish at all with publishFrom: "backend", and refuse other values', async () => {
    const { network, pubnub } = memoryHarness();
    const publish = vi.spyOn(pubnub, "publish");
    const { errors, onError } = errorLog();
    const provider = liveProvider(pubnub, { publishFrom: "backend", onError });
    provider.publish({ channel: posts, type: "created", payload: {}, date });
    await network.flush();
    expect(publish).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
    liveProvider(pubnub, { publishFrom: "client" }).publish({
      channel: posts,
      type: "created",
      payload: {},
      date,
    });
    await network.flush();
    expect(network.messages).toHaveLength(1);
    expect(() =>
      liveProvider(pubnub, { publishFrom: "server" as "backend" }),
    ).toThrow(/publishFrom must be "client" or "backend", got server/);
  });

  it("should report access denied and network errors with their status", async () => {
    const { provider, network, errors } = memoryHarness();
    network.failNextPublish({
      category: "PNAccessDeniedCategory",
      statusCode: 403,
    });
    network.failNextPublish();
    provider.publish({ channel: posts, type: "created", payload: {}, date });
    provider.publish({ channel: posts, type: "created", payload: {}, date });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(
      errors.map((e) => [e.category, (e as PublishError).statusCode]),
    ).toEqual([
      ["publish", 403],
      ["publish", 0],
    ]);
    expect(errors[0]?.message).toMatch(/access denied/);
    expect(errors[1]?.message).toMatch(/could not be reached/);
  });

  it("should report malformed events instead of throwing", () => {
    const { provider, errors } = memoryHarness();
    expect(() => provider.publish(undefined as never)).not.toThrow();
    expect(() =>
      provider.publish({ channel: "", type: "x", payload: {}, date }),
    ).not.toThrow();
    expect(errors[0]).toBeInstanceOf(PublishError);
    expect(errors[1]).toBeInstanceOf(ChannelNameError);
  });

  it("should survive an SDK whose publish throws synchronously", () => {
    const { provider, pubnub, errors } = memoryHarness();
    pubnub.publish = () => {
      throw new Error("sync boom");
    };
    expect(() =>
      provider.publish({ channel: posts, type: "created", payload: {}, date }),
    ).not.toThrow();
    expect(errors[0]).toBeInstanceOf(PublishError);
  });
});

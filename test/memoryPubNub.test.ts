import {
  MemoryNetwork,
  MemoryPubNub,
  type MemoryStatus,
} from "@refinedev/pubnub/testing";
import { describe, expect, it } from "vitest";

describe("MemoryPubNub", () => {
  it("should carry a publish to every subscription of every client", async () => {
    const network = new MemoryNetwork();
    const alice = new MemoryPubNub({ network, userId: "alice" });
    const bob = new MemoryPubNub({ network, userId: "bob" });
    const received: unknown[] = [];
    const subscription = bob.channel("orders").subscription();
    subscription.onMessage = (event) => received.push(event);
    subscription.subscribe();
    const { timetoken } = await alice.publish({
      channel: "orders",
      message: { type: "created" },
      meta: { sender: "x" },
    });
    expect(timetoken).toMatch(/^\d{17}$/);
    expect(received).toEqual([
      {
        channel: "orders",
        message: { type: "created" },
        timetoken,
        publisher: "alice",
        userMetadata: { sender: "x" },
      },
    ]);
  });

  it("should issue increasing 17-digit timetokens", () => {
    const network = new MemoryNetwork();
    const tokens = Array.from({ length: 50 }, () => network.publish("a", 1));
    expect(tokens.every((t) => /^\d{17}$/.test(t))).toBe(true);
    expect([...tokens].sort()).toEqual(tokens);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("should emit connected, changed and disconnected statuses", async () => {
    const pubnub = new MemoryPubNub();
    const statuses: MemoryStatus[] = [];
    pubnub.addListener({ status: (status) => statuses.push(status) });
    const a = pubnub.channel("a").subscription();
    const b = pubnub.channel("b").subscription();
    a.subscribe();
    b.subscribe();
    a.unsubscribe();
    b.unsubscribe();
    await pubnub.network.flush();
    expect(statuses.map((s) => s.category)).toEqual([
      "PNConnectedCategory",
      "PNSubscriptionChangedCategory",
      "PNSubscriptionChangedCategory",
      "PNDisconnectedCategory",
    ]);
  });

  it("should refuse publishes as PubNub does", async () => {
    const pubnub = new MemoryPubNub();
    await expect(
      pubnub.publish({ channel: "resources/posts", message: { a: 1 } }),
    ).rejects.toMatchObject({ status: { statusCode: 400 } });
    await expect(
      pubnub.publish({ channel: "a", message: "x".repeat(40_000) }),
    ).rejects.toMatchObject({ status: { statusCode: 413 } });
    await expect(
      pubnub.publish({ channel: "a", message: 0 }),
    ).rejects.toMatchObject({
      status: {
        category: "PNValidationErrorCategory",
        message: "Missing 'message'",
      },
    });
    const subscribeOnly = new MemoryPubNub({ publishKey: null });
    await expect(
      subscribeOnly.publish({ channel: "a", message: 1 }),
    ).rejects.toMatchObject({ status: { message: "Missing 'publishKey'" } });
  });

  it("should report a subscription to an invalid channel name", async () => {
    const pubnub = new MemoryPubNub();
    const statuses: MemoryStatus[] = [];
    pubnub.addListener({ status: (status) => statuses.push(status) });
    pubnub.channel("resources/posts").subscription().subscribe();
    await pubnub.network.flush();
    expect(statuses[0]).toMatchObject({
      category: "PNConnectionErrorCategory",
      statusCode: 400,
    });
  });

  it("should stop delivering after unsubscribe and destroy", async () => {
    const network = new MemoryNetwork();
    const pubnub = new MemoryPubNub({ network });
    const received: unknown[] = [];
    const subscription = pubnub.channel("a").subscription();
    subscription.addListener({ message: (event) => received.push(event) });
    subscription.subscribe();
    network.publish("a", 1);
    await network.flush();
    pubnub.destroy();
    network.publish("a", 2);
    await network.flush();
    expect(received).toHaveLength(1);
    expect(pubnub.getSubscribedChannels()).toEqual([]);
  });
});

import { deflateSync } from "node:zlib";
import { PubNubEmulator } from "@refinedev/pubnub/testing";
import type PubNub from "pubnub";
import { describe, expect, it, vi } from "vitest";
import { connected, eventually, testEmulator } from "./helpers/emulatorHarness";

type Message = {
  message: unknown;
  publisher?: string;
  timetoken: string;
  userMetadata?: unknown;
  customMessageType?: string;
};

function listen(client: PubNub, channel: string) {
  const messages: Message[] = [];
  const subscription = client.channel(channel).subscription();
  subscription.onMessage = (event) => messages.push(event as Message);
  subscription.subscribe();
  return { messages, subscription };
}

describe("PubNubEmulator with the real SDK", () => {
  it("should answer time with a 17-digit timetoken", async () => {
    const harness = testEmulator();
    const { timetoken } = await harness.client().time();
    expect(String(timetoken)).toMatch(/^\d{17}$/);
  });

  it("should carry a GET publish to a subscriber with meta and type", async () => {
    const harness = testEmulator();
    const alice = harness.client("alice");
    const bob = harness.client("bob");
    const { messages } = listen(bob, "orders");
    await connected(bob);
    const { timetoken } = await alice.publish({
      channel: "orders",
      message: { text: "it's (ok)!*~ ünïcode" },
      meta: { source: "test" },
      customMessageType: "refine-created",
    });
    await eventually(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toMatchObject({
      message: { text: "it's (ok)!*~ ünïcode" },
      publisher: "alice",
      timetoken,
      userMetadata: { source: "test" },
      customMessageType: "refine-created",
    });
  });

  it("should carry a deflated POST publish", async () => {
    const harness = testEmulator();
    const alice = harness.client("alice");
    const { messages } = listen(alice, "orders");
    await connected(alice);
    await alice.publish({
      channel: "orders",
      message: { big: "x".repeat(5000) },
      sendByPost: true,
    });
    await eventually(() => expect(messages).toHaveLength(1));
    expect(messages[0]?.message).toEqual({ big: "x".repeat(5000) });
  });

  it("should inflate zlib bodies and accept raw bodies labelled deflate", async () => {
    const emulator = new PubNubEmulator();
    const post = (body: Uint8Array | string) =>
      emulator.handle(
        new Request("http://x/publish/pub/sub/0/orders/0?uuid=u", {
          method: "POST",
          headers: {
            "content-encoding": "deflate",
            "content-type": "application/json",
          },
          body: body as BodyInit,
        }),
      );
    const inflated = (await post(deflateSync('{"a":1}'))) as Response;
    const raw = (await post('{"a":2}')) as Response;
    expect(await inflated.json()).toEqual([
      1,
      "Sent",
      expect.stringMatching(/^\d{17}$/),
    ]);
    expect(raw.status).toBe(200);
    emulator.close();
  });

  it("should let a new subscriber catch up from its cursor, per channel", async () => {
    const harness = testEmulator();
    const alice = harness.client("alice");
    const bob = harness.client("bob");
    const first = listen(bob, "a");
    await connected(bob);
    await alice.publish({ channel: "a", message: { n: 1 } });
    await eventually(() => expect(first.messages).toHaveLength(1));
    // Published to b after bob's cursor, before bob asks for b. Asked at the
    // HTTP level: whether the SDK keeps its cursor on a subscription change
    // (it usually does) depends on timing, and is not what this checks.
    const cursor = first.messages[0]?.timetoken ?? "";
    await alice.publish({ channel: "b", message: { n: 2 } });
    const answer = (await harness.emulator.handle(
      new Request(`http://x/v2/subscribe/sub/a,b/0?tt=${cursor}&tr=1`),
    )) as Response;
    const { m } = (await answer.json()) as {
      m: Array<{ c: string; d: unknown }>;
    };
    expect(m.map(({ c, d }) => [c, d])).toEqual([["b", { n: 2 }]]);
    expect(first.messages).toHaveLength(1);
  });

  it("should send heartbeat and leave, and log them", async () => {
    const harness = testEmulator();
    const alice = harness.client("alice");
    const { subscription } = listen(alice, "orders");
    await connected(alice);
    subscription.unsubscribe();
    await eventually(() =>
      expect(harness.requests("leave").map((r) => r.channels)).toEqual([
        ["orders"],
      ]),
    );
    expect(harness.requests("heartbeat").length).toBeGreaterThan(0);
    expect(harness.requests("subscribe")[0]).toMatchObject({
      userId: "alice",
      timetoken: undefined,
    });
  });

  it("should refuse messages over 32 KiB with 413", async () => {
    const harness = testEmulator();
    await expect(
      harness
        .client()
        .publish({ channel: "a", message: { x: "y".repeat(33_000) } }),
    ).rejects.toMatchObject({ status: { statusCode: 413 } });
  });

  it("should refuse invalid channel names with 400", async () => {
    const harness = testEmulator();
    const client = harness.client();
    for (const channel of [
      "resources/posts",
      "a,b",
      "a b",
      "a.b.c.d",
      "x".repeat(93),
    ]) {
      await expect(
        client.publish({ channel, message: { a: 1 } }),
      ).rejects.toMatchObject({
        status: { statusCode: 400, category: "PNBadRequestCategory" },
      });
    }
  });

  it("should keep names with encoded commas apart from channel lists", async () => {
    const emulator = new PubNubEmulator();
    const answer = (await emulator.handle(
      new Request("http://x/v2/subscribe/sub/a%2Cb/0?ee="),
    )) as Response;
    expect(answer.status).toBe(400);
    const ok = (await emulator.handle(
      new Request("http://x/v2/subscribe/sub/a,b/0?ee="),
    )) as Response;
    expect(ok.status).toBe(200);
    expect(emulator.requests.map((r) => r.channels)).toEqual([
      ["a,b"],
      ["a", "b"],
    ]);
    emulator.close();
  });

  it("should cap the backlog per channel and forget it on demand", async () => {
    const emulator = new PubNubEmulator({
      backlogLimit: 3,
      longPollTimeout: 50,
    });
    const cursor = "10000000000000000";
    for (let n = 0; n < 5; n++) emulator.publish("a", { n });
    const poll = async () =>
      (
        (await (
          (await emulator.handle(
            new Request(`http://x/v2/subscribe/sub/a/0?tt=${cursor}&tr=1`),
          )) as Response
        ).json()) as { m: Array<{ d: { n: number } }> }
      ).m.map((e) => e.d.n);
    expect(await poll()).toEqual([2, 3, 4]);
    emulator.loseBacklog();
    expect(await poll()).toEqual([]);
  });

  it("should catch a connection up from one queue for all its channels, the oldest dropped, for backlogTtl", async () => {
    const emulator = new PubNubEmulator({
      backlogLimit: 4,
      backlogTtl: 60_000,
      longPollTimeout: 50,
    });
    const cursor = "10000000000000000";
    for (let n = 0; n < 3; n++) {
      emulator.publish("a", { n: `a${n}` });
      emulator.publish("b", { n: `b${n}` });
    }
    const poll = async (channels: string) =>
      (
        (await (
          (await emulator.handle(
            new Request(
              `http://x/v2/subscribe/sub/${channels}/0?tt=${cursor}&tr=1`,
            ),
          )) as Response
        ).json()) as { m: Array<{ d: { n: string } }> }
      ).m.map((e) => e.d.n);
    expect(await poll("a,b")).toEqual(["a1", "b1", "a2", "b2"]);
    expect(await poll("a")).toEqual(["a0", "a1", "a2"]);
    const now = Date.now();
    const later = vi.spyOn(Date, "now").mockReturnValue(now + 60_001);
    expect(await poll("a,b")).toEqual([]);
    later.mockRestore();
  });

  it("should answer an idle long-poll empty with the same cursor", async () => {
    const emulator = new PubNubEmulator({ longPollTimeout: 30 });
    const answer = (await emulator.handle(
      new Request("http://x/v2/subscribe/sub/a/0?tt=17000000000000000&tr=1"),
    )) as Response;
    expect(answer.headers.get("content-type")).toMatch(/javascript/);
    expect(await answer.json()).toEqual({
      t: { t: "17000000000000000", r: 1 },
      m: [],
    });
  });

  it("should count the held long-polls of each user", async () => {
    const emulator = new PubNubEmulator();
    const longPoll = (uuid: string) =>
      emulator.handle(
        new Request(
          `http://x/v2/subscribe/sub/a/0?tt=17000000000000000&tr=1&uuid=${uuid}`,
        ),
      );
    const held = [longPoll("alice"), longPoll("alice"), longPoll("bob")];
    await eventually(() => expect(emulator.pendingSubscribes).toBe(3));
    expect(emulator.pendingSubscribesOf("alice")).toBe(2);
    expect(emulator.pendingSubscribesOf("bob")).toBe(1);
    expect(emulator.pendingSubscribesOf("carol")).toBe(0);
    emulator.close();
    await Promise.all(held);
    expect(emulator.pendingSubscribesOf("alice")).toBe(0);
  });

  it("should fail every held long-poll with its own response", async () => {
    const emulator = new PubNubEmulator();
    const held = ["a", "b"].map((channel) =>
      emulator.handle(
        new Request(
          `http://x/v2/subscribe/sub/${channel}/0?tt=17000000000000000&tr=1`,
        ),
      ),
    );
    await eventually(() => expect(emulator.pendingSubscribes).toBe(2));
    emulator.failPendingSubscribes({ status: 500 });
    const answers = (await Promise.all(held)) as Response[];
    expect(answers.map((answer) => answer.status)).toEqual([500, 500]);
    // Each body can be read: the clients do not share one Response.
    for (const answer of answers) {
      expect(await answer.json()).toMatchObject({ status: 500 });
    }
  });

  it("should answer CORS preflights", async () => {
    const emulator = new PubNubEmulator();
    const answer = (await emulator.handle(
      new Request("http://x/v2/subscribe/sub/a/0", { method: "OPTIONS" }),
    )) as Response;
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  });
});

import {
  decodeLiveMessage,
  liveProvider,
  toPubNubChannel,
} from "@refinedev/pubnub";
import {
  ChannelNameError,
  GrantError,
  grantLiveToken,
  PublishError,
  publishLiveEvent,
} from "@refinedev/pubnub/server";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { describe, expect, it, vi } from "vitest";
import { testEmulator } from "./helpers/emulatorHarness";

describe("publishLiveEvent()", () => {
  it("should publish what the browser provider reads", async () => {
    const network = new MemoryNetwork();
    const backend = new MemoryPubNub({ network, userId: "server" });
    const browser = liveProvider(new MemoryPubNub({ network }), {
      namespace: "acme",
      releaseDelay: 0,
    });
    const callback = vi.fn();
    browser.subscribe({ channel: "resources/posts", types: ["*"], callback });
    const date = new Date("2026-11-22T10:00:00.000Z");
    const result = await publishLiveEvent(
      backend,
      {
        resource: "posts",
        type: "updated",
        ids: [1, "2"],
        meta: { dataProviderName: "cms" },
        date,
      },
      { namespace: "acme" },
    );
    await network.flush();
    expect(result).toEqual({
      channel: "acme.resources.posts",
      timetoken: expect.stringMatching(/^\d{17}$/),
    });
    expect(callback).toHaveBeenCalledWith({
      channel: "resources/posts",
      type: "updated",
      payload: { ids: [1, "2"] },
      date,
      meta: { dataProviderName: "cms" },
    });
  });

  it("should carry the fields that changed and the record, and drop the record first when too large", async () => {
    const network = new MemoryNetwork();
    const backend = new MemoryPubNub({ network, userId: "server" });
    const callback = vi.fn();
    liveProvider(new MemoryPubNub({ network })).subscribe({
      channel: "resources/posts",
      types: ["*"],
      callback,
    });
    const post = { id: 1, title: "New title", author: { name: "Ann" } };
    await publishLiveEvent(backend, {
      resource: "posts",
      type: "updated",
      ids: [1],
      changed: ["title", "author.name"],
      data: post,
    });
    await publishLiveEvent(backend, {
      resource: "posts",
      type: "updated",
      ids: [2],
      changed: ["body"],
      data: { id: 2, body: "x".repeat(40_000) },
    });
    const [full, reduced] = network.messages;
    expect(full?.message).toMatchObject({
      payload: { ids: [1], changed: ["title", "author.name"], data: post },
    });
    expect(Object(reduced?.message).payload).toEqual({
      ids: [2],
      changed: ["body"],
    });
    await network.flush();
    expect(callback.mock.calls.map(([event]) => event.payload)).toEqual([
      { ids: [1], changed: ["title", "author.name"], data: post },
      { ids: [2], changed: ["body"] },
    ]);
  });

  it("should refuse changed fields that are not names, and data that is not a record", async () => {
    const backend = new MemoryPubNub();
    for (const changed of ["title", [""], [1]]) {
      await expect(
        publishLiveEvent(backend, {
          resource: "posts",
          type: "updated",
          changed: changed as string[],
        }),
      ).rejects.toMatchObject({ category: "publish", reason: "bad-changed" });
    }
    await expect(
      publishLiveEvent(backend, {
        resource: "posts",
        type: "created",
        data: [1] as never,
      }),
    ).rejects.toThrow(/`data` must be the record/);
    expect(backend.network.messages).toEqual([]);
  });

  it("should mark an event as a browser's own with its sender, which only that browser ignores", async () => {
    const network = new MemoryNetwork();
    const backend = new MemoryPubNub({ network, userId: "server" });
    const saver = liveProvider(new MemoryPubNub({ network }));
    const other = liveProvider(new MemoryPubNub({ network }));
    const heard = { saver: vi.fn(), other: vi.fn() };
    for (const [name, provider] of [
      ["saver", saver],
      ["other", other],
    ] as const) {
      provider.subscribe({
        channel: "resources/posts",
        types: ["*"],
        callback: heard[name],
      });
    }
    await publishLiveEvent(
      backend,
      { resource: "posts", type: "updated", ids: [1] },
      { sender: saver.senderId },
    );
    await network.flush();
    expect(heard.other).toHaveBeenCalledTimes(1);
    expect(heard.saver).not.toHaveBeenCalled();
    expect(network.messages[0]?.meta).toEqual({ sender: saver.senderId });
    for (const sender of ["", 7]) {
      await expect(
        publishLiveEvent(
          backend,
          { resource: "posts", type: "updated" },
          { sender: sender as string },
        ),
      ).rejects.toThrow(/`sender` must be a browser's `provider.senderId`/);
    }
  });

  it("should take a custom channel and extra payload", async () => {
    const backend = new MemoryPubNub();
    await publishLiveEvent(backend, {
      channel: "notifications/admins",
      type: "backup-finished",
      payload: { size: 3 },
    });
    const [sent] = backend.network.messages;
    expect(sent?.channel).toBe("notifications.admins");
    expect(
      decodeLiveMessage(
        sent?.message,
        "notifications/admins",
        sent?.timetoken ?? "",
      ),
    ).toMatchObject({
      type: "backup-finished",
      payload: { size: 3 },
    });
  });

  it("should shrink large events with the browser's size guard", async () => {
    const backend = new MemoryPubNub();
    await publishLiveEvent(backend, {
      resource: "posts",
      type: "updated",
      ids: [1],
      payload: { body: "x".repeat(40_000) },
    });
    expect(backend.network.messages[0]?.message).toMatchObject({
      type: "updated",
      payload: { ids: [1] },
    });
  });

  it("should reject with typed errors", async () => {
    const backend = new MemoryPubNub();
    await expect(
      publishLiveEvent(backend, { type: "updated" }),
    ).rejects.toThrow(/neither a resource nor a channel/);
    await expect(
      publishLiveEvent(backend, { resource: "posts", type: "" }),
    ).rejects.toBeInstanceOf(PublishError);
    await expect(
      publishLiveEvent(backend, { resource: "p".repeat(90), type: "x" }),
    ).rejects.toBeInstanceOf(ChannelNameError);
    await expect(
      publishLiveEvent(backend, {
        resource: "posts",
        type: "t".repeat(40_000),
      }),
    ).rejects.toMatchObject({ category: "publish", reason: "too-large" });
    backend.network.failNextPublish({
      category: "PNAccessDeniedCategory",
      statusCode: 403,
    });
    await expect(
      publishLiveEvent(backend, { resource: "posts", type: "updated" }),
    ).rejects.toMatchObject({
      name: "PublishError",
      statusCode: 403,
    });
  });

  it("should publish through the real SDK", async () => {
    const harness = testEmulator();
    const backend = harness.client("server");
    const { channel } = await publishLiveEvent(backend, {
      resource: "posts",
      type: "created",
      ids: [9],
    });
    expect(channel).toBe("resources.posts");
    expect(harness.requests("publish")).toHaveLength(1);
  });
});

describe("grantLiveToken()", () => {
  it("should say that a secret key is needed", async () => {
    const harness = testEmulator({ accessManager: true });
    const noSecret = harness.client("server");
    await expect(
      grantLiveToken(noSecret, { userId: "alice", resources: ["posts"] }),
    ).rejects.toThrow(/has no secretKey/);
  });

  it("should refuse options it cannot turn into a grant", async () => {
    const grantToken = vi.fn(async () => "token");
    const client = { grantToken };
    await expect(
      grantLiveToken(client, { userId: "", resources: ["posts"] }),
    ).rejects.toBeInstanceOf(GrantError);
    await expect(
      grantLiveToken(client, { userId: "a", resources: ["posts"], ttl: 0 }),
    ).rejects.toThrow(/ttl/);
    await expect(grantLiveToken(client, { userId: "a" })).rejects.toThrow(
      /name the `resources`/,
    );
    expect(grantToken).not.toHaveBeenCalled();
  });

  it("should grant read on mapped channels, write when asked, or a namespace pattern", async () => {
    const grantToken = vi.fn(async () => "token");
    await grantLiveToken(
      { grantToken },
      { userId: "alice", resources: ["posts", "v1.posts"], channels: ["a b"] },
    );
    await grantLiveToken(
      { grantToken },
      { userId: "bob", namespace: "acme", write: true, ttl: 5 },
    );
    await grantLiveToken(
      { grantToken },
      { userId: "carol", resources: ["posts"], presence: false },
    );
    expect(grantToken.mock.calls).toEqual([
      [
        {
          ttl: 60,
          authorized_uuid: "alice",
          resources: {
            channels: {
              "resources.posts": { read: true },
              "resources.v1~2Eposts": { read: true },
              "a~20b": { read: true },
            },
          },
          patterns: {
            channels: {
              "^resources\\.posts\\.": { read: true },
              "^resources\\.v1~2Eposts\\.": { read: true },
            },
          },
        },
      ],
      [
        {
          ttl: 5,
          authorized_uuid: "bob",
          patterns: { channels: { "^acme\\.": { read: true, write: true } } },
        },
      ],
      [
        {
          ttl: 60,
          authorized_uuid: "carol",
          resources: { channels: { "resources.posts": { read: true } } },
        },
      ],
    ]);
  });

  it("should grant presence on a resource's records, lists and -pnpres channels only", async () => {
    const grantToken = vi.fn(
      async (_: { patterns?: { channels?: object } }) => "token",
    );
    await grantLiveToken(
      { grantToken },
      { userId: "alice", resources: ["a+b"], namespace: "v1" },
    );
    const [pattern = ""] = Object.keys(
      grantToken.mock.calls[0]?.[0].patterns?.channels ?? {},
    );
    const covers = (channel: string) => new RegExp(pattern).test(channel);
    const live = toPubNubChannel("resources/a+b", "v1");
    expect(live).toContain("+");
    expect(covers(`${live}.1`)).toBe(true);
    expect(covers(`${live}.1-pnpres`)).toBe(true);
    expect(covers(`${live}.~all-pnpres`)).toBe(true);
    expect(covers(live)).toBe(false);
    expect(covers(live.replace("+", "a"))).toBe(false);
    expect(covers(`${live}c.1`)).toBe(false);
    expect(covers(`v2.${live}.1`)).toBe(false);
  });
});

// @vitest-environment jsdom
import { Refine, useGetIdentity } from "@refinedev/core";
import { liveProvider, type PubNubLiveError } from "@refinedev/pubnub";
import { presenceOf } from "@refinedev/pubnub/presence";
import { usePresence } from "@refinedev/pubnub/react";
import { cleanup, render, screen } from "@testing-library/react";
import type PubNub from "pubnub";
import { StrictMode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { memoryDataProvider } from "./helpers/dataProvider";
import { eventually, testEmulator } from "./helpers/emulatorHarness";
import { noRetries, pubnubMajor } from "./helpers/pubnubVersion";

afterEach(cleanup);

describe("usePresence", () => {
  it("should make one member of two StrictMode components, and show the others", async () => {
    const harness = testEmulator();
    const errors: PubNubLiveError[] = [];
    const alice = liveProvider(
      harness.client("alice", { presenceTimeout: 10 }),
      {
        onError: (error) => errors.push(error),
      },
    );
    function Editors({ label }: { label: string }) {
      const { members, others } = usePresence(alice, {
        resource: "posts",
        id: 1,
        state: { name: "Alice" },
      });
      return (
        <p>
          {label}: {members.length} here, others:{" "}
          {others.map((m) => m.state.name).join(",")}
        </p>
      );
    }
    render(
      <StrictMode>
        <Editors label="form" />
        <Editors label="sidebar" />
      </StrictMode>,
    );
    await screen.findByText("form: 1 here, others:");
    const bob = liveProvider(harness.client("bob", { presenceTimeout: 10 }));
    const watched: string[][] = [];
    presenceOf(bob).watch({ resource: "posts", id: "1" }, (members) =>
      watched.push(members.map((m) => `${m.userId}:${m.state.name}`)),
    );
    presenceOf(bob).enter({ resource: "posts", id: 1 }, { name: "Bob" });
    await screen.findByText("sidebar: 2 here, others: Bob");
    await eventually(() =>
      expect(watched.at(-1)?.sort()).toEqual(["alice:Alice", "bob:Bob"]),
    );
    expect(harness.requests("leave")).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("should report a state that is not JSON, and enter nothing", () => {
    const harness = testEmulator();
    const errors: PubNubLiveError[] = [];
    const provider = liveProvider(harness.client("alice"), {
      onError: (e) => errors.push(e),
    });
    presenceOf(provider).enter({ resource: "posts", id: 1 }, {
      when: new Date(),
    } as never);
    presenceOf(provider).enter({ resource: "", id: 1 });
    expect(errors.map((e) => e.category)).toEqual(["presence", "channel-name"]);
  });
});

describe("presenceOf", () => {
  it("should report every bad input as a typed error and change nothing", () => {
    const harness = testEmulator();
    const errors: PubNubLiveError[] = [];
    const provider = liveProvider(harness.client("alice"), {
      onError: (e) => errors.push(e),
    });
    const presence = presenceOf(provider);
    presence.enter({ resource: "posts", id: 1 }, { big: "x".repeat(2000) });
    presence.enter({ resource: "posts", id: {} as never });
    presence.enter({ resource: "posts", id: Number.NaN });
    presence.enter({ resource: "posts", id: 1 }, [] as never);
    expect(presence.getMembers({ resource: "posts", id: 1 })).toEqual([]);
    provider.dispose();
    presence.enter({ resource: "posts", id: 1 });
    expect(errors.map((e) => [e.category, e.reason])).toEqual([
      ["presence", "state-too-large"],
      ["channel-name", "bad-id"],
      ["channel-name", "bad-id"],
      ["presence", "state-not-json"],
      ["disposed", "presence"],
    ]);
    expect(harness.requests("heartbeat")).toEqual([]);
    expect(() => presenceOf({})).toThrow(TypeError);
  });

  it("should show a crashed client leaving after its presence timeout", async () => {
    const harness = testEmulator();
    const client = harness.client("alice", { presenceTimeout: 4 });
    presenceOf(liveProvider(client)).enter({ resource: "posts", id: 1 });
    const watched: string[][] = [];
    presenceOf(liveProvider(harness.client("bob"))).watch(
      { resource: "posts", id: 1 },
      (members) => watched.push(members.map((m) => m.userId)),
    );
    await eventually(() => expect(watched.at(-1)).toEqual(["alice"]));
    client.destroy(true);
    // pubnub 8 raises a presenceTimeout under 20 s to 20 s.
    const timeout = pubnubMajor === 8 ? 20 : 4;
    await eventually(
      () => expect(watched.at(-1)).toEqual([]),
      (timeout + 4) * 1_000,
    );
  }, 40_000);

  it("should give watchers a fresh member list after an outage", async () => {
    const harness = testEmulator();
    const bobClient = harness.client("bob", noRetries());
    // Bob stays away 1.5 s: long enough to miss alice's leave.
    const bob = liveProvider(bobClient, { reconnectDelay: () => 1_500 });
    const watched: string[][] = [];
    presenceOf(bob).watch({ resource: "posts", id: 1 }, (members) =>
      watched.push(members.map((m) => m.userId)),
    );
    const alice = harness.client("alice", { presenceTimeout: 10 });
    presenceOf(liveProvider(alice)).enter({ resource: "posts", id: 1 });
    await eventually(() => expect(watched.at(-1)).toEqual(["alice"]));
    // Past the watcher's own second here-now (3.5 s after it started), and
    // both long-polls settled: only the recovery can read the list again.
    await new Promise((resolve) => setTimeout(resolve, 3_800));
    await eventually(() => expect(harness.emulator.pendingSubscribes).toBe(2));
    harness.emulator.failPendingSubscribes({ status: 500 });
    await eventually(() =>
      expect(bob.connection.getState().status).toBe("reconnecting"),
    );
    alice.unsubscribeAll();
    await eventually(() => expect(harness.requests("leave")).toHaveLength(1));
    harness.emulator.loseBacklog();
    await eventually(() => {
      expect(bob.connection.getState().status).toBe("connected");
      expect(watched.at(-1)).toEqual([]);
    }, 10_000);
  });
});

describe("usePresence in a refine app", () => {
  type Identity = { name: string; color: string };

  function EditingNow({
    provider,
    id,
  }: {
    provider: ReturnType<typeof liveProvider>;
    id: number;
  }) {
    const { data: me } = useGetIdentity<Identity>();
    const { others } = usePresence(provider, {
      resource: "posts",
      id,
      state: { name: me?.name, color: me?.color, action: "edit" },
      enabled: me !== undefined,
    });
    return (
      <p>
        {others.length === 0
          ? `${me?.name ?? "…"} edits alone`
          : `${others.map((m) => m.state.name).join(", ")} also editing, for ${me?.name}`}
      </p>
    );
  }

  function App({ user, client }: { user: Identity; client: PubNub }) {
    const provider = liveProvider(client, { releaseDelay: 100 });
    const data = memoryDataProvider({ posts: [{ id: 1, title: "One" }] });
    return (
      <Refine
        dataProvider={data.dataProvider}
        liveProvider={provider}
        authProvider={{
          login: async () => ({ success: true }),
          logout: async () => ({ success: true }),
          check: async () => ({ authenticated: true }),
          onError: async () => ({}),
          getIdentity: async () => user,
        }}
        resources={[{ name: "posts" }]}
        options={{ liveMode: "auto", disableTelemetry: true }}
      >
        <EditingNow provider={provider} id={1} />
      </Refine>
    );
  }

  it("should show who else edits a record, with the name from useGetIdentity", async () => {
    const harness = testEmulator();
    const alice = { name: "Alice", color: "teal" };
    const bob = { name: "Bob", color: "plum" };
    const aliceClient = harness.client("alice", { presenceTimeout: 20 });
    const first = render(<App user={alice} client={aliceClient} />);
    await screen.findByText("Alice edits alone");
    const second = render(
      <App
        user={bob}
        client={harness.client("bob", { presenceTimeout: 20 })}
      />,
    );
    await screen.findByText("Bob also editing, for Alice");
    await screen.findByText("Alice also editing, for Bob");

    first.unmount();
    await screen.findByText("Bob edits alone", {}, { timeout: 5_000 });
    expect(harness.requests("leave").map((r) => r.userId)).toEqual(["alice"]);
    second.unmount();
  });
});

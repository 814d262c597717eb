// @vitest-environment jsdom
import { Refine, useList } from "@refinedev/core";
import { liveProvider, type PubNubLiveProvider } from "@refinedev/pubnub";
import { useConnectionState } from "@refinedev/pubnub/react";
import { MemoryPubNub } from "@refinedev/pubnub/testing";
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { memoryDataProvider } from "./helpers/dataProvider";
import { eventually, testEmulator } from "./helpers/emulatorHarness";
import { noRetries } from "./helpers/pubnubVersion";
import { listRecords } from "./helpers/refineVersion";

afterEach(cleanup);

function LiveBadge({ provider }: { provider: PubNubLiveProvider }) {
  const { status } = useConnectionState(provider);
  return (
    <span role="status">
      {status === "connected"
        ? "Live"
        : status === "reconnecting"
          ? "Reconnecting…"
          : status}
    </span>
  );
}

describe("useConnectionState()", () => {
  it("should follow the provider's state", async () => {
    const pubnub = new MemoryPubNub();
    const provider = liveProvider(pubnub, { onError: () => {} });
    render(<LiveBadge provider={provider} />);
    expect(screen.getByRole("status").textContent).toBe("idle");
    act(() => {
      provider.subscribe({
        channel: "resources/posts",
        types: ["*"],
        callback() {},
      });
    });
    expect(screen.getByRole("status").textContent).toBe("connecting");
    await act(() => pubnub.network.flush());
    expect(screen.getByRole("status").textContent).toBe("Live");
    pubnub.emitStatus({ category: "PNDisconnectedUnexpectedlyCategory" });
    await act(() => pubnub.network.flush());
    expect(screen.getByRole("status").textContent).toBe("Reconnecting…");
    provider.dispose();
  });

  it("should show Reconnecting… then Live, and refetch refine's list, on the real SDK", async () => {
    const harness = testEmulator();
    const client = harness.client("bob", noRetries());
    const provider = liveProvider(client, {
      releaseDelay: 0,
      reconnectDelay: () => 100,
      // pubnub 8's event engine tells no cursor before a first message, so
      // it resyncs instead of catching up: at once, in this test.
      resyncJitter: 0,
      onError: () => {},
    });
    const { dataProvider, reads, records } = memoryDataProvider({
      posts: [{ id: 1, title: "One" }],
    });
    function Posts() {
      const posts = listRecords(useList({ resource: "posts" }));
      return <p>{posts?.map((post) => post.title).join(",")}</p>;
    }
    render(
      <Refine
        dataProvider={dataProvider}
        liveProvider={provider}
        resources={[{ name: "posts" }]}
        options={{ liveMode: "auto", disableTelemetry: true }}
      >
        <LiveBadge provider={provider} />
        <Posts />
      </Refine>,
    );
    await screen.findByText("Live");
    await screen.findByText("One");
    await eventually(() => expect(harness?.emulator.pendingSubscribes).toBe(1));
    const before = reads.posts ?? 0;

    harness.emulator.failNext("subscribe", { network: true });
    harness.emulator.dropConnections();
    await screen.findByText("Reconnecting…");
    // Changed while the browser was away; PubNub keeps the event for it:
    records.posts = [
      { id: 1, title: "One" },
      { id: 2, title: "Two" },
    ];
    harness.emulator.publish("resources.posts", {
      type: "created",
      payload: { ids: [2] },
    });

    // The older subscribe loop polls PubNub every 3 s, then confirms.
    await screen.findByText("Live", {}, { timeout: 10_000 });
    await screen.findByText("One,Two");
    expect(reads.posts).toBe(before + 1);
  });
});

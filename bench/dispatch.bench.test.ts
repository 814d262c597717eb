import type { LiveEvent } from "@refinedev/core";
import {
  liveProvider,
  type PubNubClient,
  type PubNubMessageEvent,
} from "@refinedev/pubnub";
import { QueryClient } from "@tanstack/react-query";
import { expect, it } from "vitest";
import { median, record } from "./record";

// A client whose subscriptions hand their message listener to the benchmark,
// so messages go straight into the provider: no SDK, no network.
function directClient() {
  const listeners = new Map<string, (event: PubNubMessageEvent) => void>();
  const client: PubNubClient = {
    channel: (name) => ({
      subscription: () => ({
        addListener: (listener) => {
          if (listener.message) listeners.set(name, listener.message);
        },
        subscribe() {},
        unsubscribe() {},
      }),
    }),
    publish: async () => ({}),
    addListener() {},
    removeListener() {},
    reconnect() {},
    setToken() {},
  };
  return { client, listeners };
}

// What refine's liveMode "auto" does with an event: invalidate the
// resource's queries. 20 cached queries, as a list page with a few others.
function refineLikeWork(): () => void {
  const queryClient = new QueryClient();
  for (let index = 0; index < 20; index++) {
    queryClient.setQueryData(["data", "default", `r${index}`, "list"], []);
  }
  return () => {
    void queryClient.invalidateQueries({
      queryKey: ["data", "default", "r1"],
      refetchType: "none",
    });
  };
}

async function measure(
  subscriptions: number,
  channels: number,
  messages: number,
  work?: () => void,
) {
  let received = 0;
  const callback = (_event: LiveEvent) => {
    received++;
    work?.();
  };
  const { client, listeners } = directClient();
  // Event by event: the cost per event (coalescing only makes fewer events).
  // catchUpLimit 0: a response of 100 messages would otherwise count as a
  // possible overflow of PubNub's queue and become a resync.
  const provider = liveProvider(client, {
    onError: () => {},
    coalesce: false,
    catchUpLimit: 0,
  });
  const floor: Array<Array<(event: LiveEvent) => void>> = Array.from(
    { length: channels },
    () => [],
  );
  for (let index = 0; index < subscriptions; index++) {
    provider.subscribe({
      channel: `resources/r${index % channels}`,
      types: ["*"],
      callback,
    });
    floor[index % channels]?.push(callback);
  }
  const targets = [...listeners.values()];
  let sent = 0;
  // Each with its own timetoken: the provider drops one it already delivered.
  const message = (n: number): PubNubMessageEvent => ({
    channel: `resources.r${n % channels}`,
    message: { type: "updated", payload: { ids: [n] } },
    timetoken: String(17953389572720000n + BigInt(sent++)),
  });

  // Built beforehand, one batch per run (timetokens differ).
  const batches = Array.from({ length: 8 }, () =>
    Array.from({ length: messages }, (_, n) => message(n)),
  );
  // The provider hands over a tick's messages at its end (a microtask);
  // PubNub delivers at most 100 messages in one response.
  const runProvider = async (batch = batches.shift() ?? []) => {
    const start = performance.now();
    for (let n = 0; n < messages; n++) {
      targets[n % channels]?.(batch[n] as PubNubMessageEvent);
      if (n % 100 === 99) await Promise.resolve();
    }
    await Promise.resolve();
    return performance.now() - start;
  };
  const runFloor = () => {
    const start = performance.now();
    for (let n = 0; n < messages; n++) {
      const event: LiveEvent = {
        channel: `resources/r${n % channels}`,
        type: "updated",
        payload: { ids: [n] },
        date: new Date(),
      };
      for (const call of floor[n % channels] ?? []) call(event);
    }
    return performance.now() - start;
  };
  await runProvider();
  runFloor();
  const providerTimes: number[] = [];
  const floorTimes: number[] = [];
  received = 0;
  for (let round = 0; round < 7; round++) {
    providerTimes.push(await runProvider());
    floorTimes.push(runFloor());
  }
  expect(received).toBe(7 * 2 * messages * (subscriptions / channels));
  const providerMs = median(providerTimes);
  const floorMs = median(floorTimes);
  return {
    callback: work ? "invalidates a query" : "counts only",
    subscriptions,
    channels,
    "subscribers per channel": subscriptions / channels,
    "provider msgs/s": Math.round((messages / providerMs) * 1000),
    "floor msgs/s": Math.round((messages / floorMs) * 1000),
    "provider ns/callback": Math.round(
      (providerMs * 1e6) / (messages * (subscriptions / channels)),
    ),
    "time ratio (provider/floor)": Number((providerMs / floorMs).toFixed(2)),
  };
}

it("measures dispatch against a bare loop over the same callbacks", async () => {
  record("dispatch", [
    await measure(1_000, 100, 20_000),
    await measure(10_000, 1_000, 20_000),
    await measure(10_000, 100, 4_000),
    await measure(1_000, 100, 2_000, refineLikeWork()),
  ]);
});

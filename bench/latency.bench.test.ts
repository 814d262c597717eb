import type { LiveEvent } from "@refinedev/core";
import { liveProvider } from "@refinedev/pubnub";
import { afterAll, expect, it } from "vitest";
import { connected, emulatorHarness } from "../test/helpers/emulatorHarness";
import { percentile, record } from "./record";

const harness = emulatorHarness();
afterAll(() => harness.close());

it("measures publish → callback through the emulator, provider vs raw SDK", async () => {
  const backend = harness.client("server");
  const providerClient = harness.client("provider");
  const rawClient = harness.client("raw");
  const pending = new Map<
    number,
    { start: number; provider?: number; raw?: number; done: () => void }
  >();
  const arrived = (n: number, key: "provider" | "raw") => {
    const entry = pending.get(n);
    if (!entry) return;
    entry[key] = performance.now() - entry.start;
    if (entry.provider !== undefined && entry.raw !== undefined) entry.done();
  };
  liveProvider(providerClient, { onError: () => {} }).subscribe({
    channel: "resources/posts",
    types: ["*"],
    callback: (event: LiveEvent) =>
      arrived(Number(event.payload.n), "provider"),
  });
  const raw = rawClient.channel("resources.posts").subscription();
  raw.onMessage = (event) =>
    arrived(
      Number((event.message as { payload: { n: number } }).payload.n),
      "raw",
    );
  raw.subscribe();
  await Promise.all([connected(providerClient), connected(rawClient)]);

  const samples = 300;
  for (let n = 0; n < samples; n++) {
    await new Promise<void>((done) => {
      pending.set(n, { start: performance.now(), done });
      backend.publish({
        channel: "resources.posts",
        message: { type: "updated", payload: { n, ids: [n] } },
      });
    });
  }
  const providerTimes = [...pending.values()].map(
    (entry) => entry.provider ?? Number.NaN,
  );
  const rawTimes = [...pending.values()].map(
    (entry) => entry.raw ?? Number.NaN,
  );
  expect(providerTimes.every(Number.isFinite)).toBe(true);
  const row = (name: string, times: number[]) => ({
    path: name,
    samples,
    "p50 (ms)": Number(percentile(times, 50).toFixed(3)),
    "p99 (ms)": Number(percentile(times, 99).toFixed(3)),
  });
  const provider = row("provider callback", providerTimes);
  const rawRow = row("raw Subscription.onMessage", rawTimes);
  record("latency", [
    provider,
    rawRow,
    {
      path: "ratio (provider/raw)",
      samples,
      "p50 (ms)": Number(
        (provider["p50 (ms)"] / rawRow["p50 (ms)"]).toFixed(2),
      ),
      "p99 (ms)": Number(
        (provider["p99 (ms)"] / rawRow["p99 (ms)"]).toFixed(2),
      ),
    },
  ]);
});

import { liveProvider } from "@refinedev/pubnub";
import { MemoryPubNub } from "@refinedev/pubnub/testing";
import { expect, it } from "vitest";
import { record } from "./record";

const gc = (globalThis as { gc?: () => void }).gc;

it("measures 100,000 subscribe/unsubscribe cycles", async () => {
  expect(gc, "run with --expose-gc").toBeTypeOf("function");
  const pubnub = new MemoryPubNub();
  const provider = liveProvider(pubnub, { releaseDelay: 0, onError: () => {} });
  const callback = () => {};
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let cycle = 0; cycle < 100_000; cycle++) {
    const handle = provider.subscribe({
      channel: `resources/r${cycle % 100}`,
      types: ["*"],
      callback,
    });
    provider.unsubscribe(handle);
    if (cycle % 10_000 === 9_999)
      await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const elapsed = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  await pubnub.network.flush();
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const channelsLeft = pubnub.getSubscribedChannels().length;
  expect(channelsLeft).toBe(0);
  record("memory", [
    {
      cycles: 100_000,
      "cycles/s": Math.round(100_000 / (elapsed / 1000)),
      "SDK channels left": channelsLeft,
      "heap before (KiB)": Math.round(before / 1024),
      "heap after GC (KiB)": Math.round(after / 1024),
      "growth (KiB)": Math.round((after - before) / 1024),
    },
  ]);
});

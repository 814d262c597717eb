// @vitest-environment jsdom
import { cleanup } from "@testing-library/react";
import type PubNub from "pubnub";
import { afterEach, expect, it } from "vitest";
import {
  type EmulatorHarness,
  emulatorHarness,
} from "../test/helpers/emulatorHarness";
import { type HookCount, openLab } from "../test/helpers/refetchLab";
import { refineMajor } from "../test/helpers/refineVersion";
import { naiveLiveProvider } from "./naiveProvider";
import { record } from "./record";

afterEach(cleanup);

const CONFIGS = [
  {
    name: "naive port (one SDK subscription per hook)",
    options: {
      helper: false,
      coalesce: false,
      provider: (client: PubNub) => naiveLiveProvider(client),
    },
  },
  {
    name: "this package, coalesce: false (0.x)",
    options: { helper: false, coalesce: false },
  },
  { name: "coalescing (default)", options: { helper: false, coalesce: true } },
  {
    name: "coalescing + withLiveInvalidation",
    options: { helper: true, coalesce: true },
  },
];
const BURST = 10;

type Config = (typeof CONFIGS)[number];

/** Reads for each case on one page, and the cases that left it stale. */
async function measurePage(
  harness: EmulatorHarness,
  hooks: HookCount,
  { options }: Config,
) {
  const page = await openLab(harness, { hooks, ...options });
  const stale: string[] = [];
  const measure = async (label: string, run: () => Promise<number>) => {
    const reads = await run();
    if (page.stale().length > 0) stale.push(label);
    return reads;
  };
  const event = await measure("event", page.event);
  const firstRead = page.firstReadDelay();
  const burst = await measure("burst", () => page.burst(BURST));
  const spread = await measure("spread", () => page.spread(BURST, 20));
  page.close();
  // An event after a running fetch read the API: 80 ms answers that read
  // halfway, the second event 50 ms after the first.
  const slow = await openLab(harness, { hooks, ...options, delay: [80, 80] });
  const overlap = await slow.spread(2, 50);
  if (slow.stale().length > 0) stale.push("overlap");
  slow.close();
  return { event, firstRead, burst, spread, overlap, stale };
}

// Reads of the data provider (answers in 45–80 ms) for one event, a burst
// of 10 events in one long-poll response, 10 events 20 ms apart, and 2
// events 50 ms apart with 80 ms answers, on a page with N live hooks of
// `posts`, and whether any hook was left stale.
it(`should count data-provider reads per live event on refine ${refineMajor}`, async () => {
  const rows: Array<Record<string, unknown>> = [];
  for (const config of CONFIGS) {
    for (const hooks of [1, 2, 5] as HookCount[]) {
      const harness = emulatorHarness();
      try {
        const { event, firstRead, burst, spread, overlap, stale } =
          await measurePage(harness, hooks, config);
        rows.push({
          refine: refineMajor,
          configuration: config.name,
          hooks,
          "reads / event": event,
          "first read after (ms)": firstRead.toFixed(1),
          "reads / burst of 10": burst,
          "reads / 10 over 200 ms": spread,
          "reads / overlap": overlap,
          "per query (event, burst, spread)": [event, burst, spread]
            .map((reads) => (reads / hooks).toFixed(1))
            .join(", "),
          "stale after": stale.join(", ") || "never",
        });
      } finally {
        await harness.close();
      }
    }
  }
  record(`refetch-refine${refineMajor}`, rows);
  expect(rows).toHaveLength(CONFIGS.length * 3);
});

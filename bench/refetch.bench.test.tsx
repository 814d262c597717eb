// @vitest-environment jsdom
import { cleanup } from "@testing-library/react";
import type PubNub from "pubnub";
import { afterEach, expect, it } from "vitest";
import { emulatorHarness } from "../test/helpers/emulatorHarness";
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

// Reads of the data provider (answers in 45–80 ms) for one event, a burst
// of 10 events in one long-poll response, and 10 events 20 ms apart, on a
// page with N live hooks of `posts`, and whether any hook was left stale.
it(`should count data-provider reads per live event on refine ${refineMajor}`, async () => {
  const rows: Array<Record<string, unknown>> = [];
  for (const { name, options } of CONFIGS) {
    for (const hooks of [1, 2, 5] as HookCount[]) {
      const harness = emulatorHarness();
      try {
        const page = await openLab(harness, { hooks, ...options });
        const stale: string[] = [];
        const measure = async (label: string, run: () => Promise<number>) => {
          const reads = await run();
          if (page.stale().length > 0) stale.push(label);
          return reads;
        };
        const event = await measure("event", page.event);
        const burst = await measure("burst", () => page.burst(BURST));
        const spread = await measure("spread", () => page.spread(BURST, 20));
        rows.push({
          refine: refineMajor,
          configuration: name,
          hooks,
          "reads / event": event,
          "reads / burst of 10": burst,
          "reads / 10 over 200 ms": spread,
          "per query (event, burst, spread)": [event, burst, spread]
            .map((reads) => (reads / hooks).toFixed(1))
            .join(", "),
          "stale after": stale.join(", ") || "never",
        });
        page.close();
      } finally {
        await harness.close();
      }
    }
  }
  record(`refetch-refine${refineMajor}`, rows);
  expect(rows).toHaveLength(CONFIGS.length * 3);
});

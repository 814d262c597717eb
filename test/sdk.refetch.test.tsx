// @vitest-environment jsdom
import { cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { testEmulator } from "./helpers/emulatorHarness";
import { noRetries } from "./helpers/pubnubVersion";
import { type LabOptions, openLab } from "./helpers/refetchLab";
import { refineMajor } from "./helpers/refineVersion";

// Real refine, the real SDK through the emulator, and an API that answers
// in 45–80 ms, so fetches overlap events (see test/helpers/refetchLab.tsx).
afterEach(cleanup);

/** A seeded random number generator (mulberry32): the same seed, the same run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const lab = (options: Partial<LabOptions> = {}) =>
  openLab(testEmulator(), {
    hooks: 5,
    helper: true,
    coalesce: true,
    ...options,
  });

describe(`refetches after live events, refine ${refineMajor}`, () => {
  it("should read once per active query for an event and for a burst, with withLiveInvalidation", async () => {
    const page = await lab();
    expect(await page.event()).toBe(5);
    expect(page.stale()).toEqual([]);
    expect(await page.burst(10)).toBe(5);
    expect(page.stale()).toEqual([]);
    expect(await page.spread(10, 20)).toBeLessThan(50);
    expect(page.stale()).toEqual([]);
  });

  it("should refetch once more when an event comes after a running fetch read the API", async () => {
    // The API reads its data 40 ms into an 80 ms answer; the second event
    // comes at 50 ms, so the first answer is already out of date. The
    // events are about posts 1 and 2: the list shows both, the detail (1)
    // only the first, so targeting spares the detail's second read.
    for (const [targeted, reads] of [
      [false, 4],
      [true, 3],
    ] as const) {
      const page = await lab({ hooks: 2, delay: [80, 80], targeted });
      expect(await page.spread(2, 50)).toBe(reads);
      expect(page.stale()).toEqual([]);
      page.close();
    }
  });

  it("should leave no query stale after random updates, with and without changed fields (seeded)", async () => {
    // Six hooks: the five below and the 3 most changed posts, sorted by
    // version, which every version change can reorder.
    // Gaps longer than a read leave lists idle (judged by their rows);
    // shorter ones catch them fetching.
    for (const [seed, withChanged, maxGap] of [
      [1, 1, 200],
      [2, 1, 200],
      [3, 0.5, 40],
    ] as const) {
      const page = await lab({ hooks: 6 });
      await page.randomChanges(20, seeded(seed), { withChanged, maxGap });
      expect(page.stale(), `seed ${seed}`).toEqual([]);
      page.close();
    }
  });

  it("should leave no query stale after random creates, deletes, updates and outages (seeded)", async () => {
    // Outages fail every held long-poll; the client reconnects at once and
    // catches up from PubNub's queue (quiet reconnect), or resyncs when a
    // catch-up reaches catchUpLimit (3 for the last seed).
    for (const [seed, catchUpLimit] of [
      [11, 100],
      [12, 100],
      [13, 3],
    ] as const) {
      const page = await lab({
        hooks: 6,
        clientOptions: noRetries(),
        providerOptions: {
          catchUpLimit,
          resyncJitter: 0,
          reconnectDelay: () => 100,
          // Each outage is reported; they are the point here.
          onError: () => {},
        },
      });
      await page.randomChanges(30, seeded(seed), {
        withChanged: 0.5,
        maxGap: 120,
        created: 0.15,
        deleted: 0.15,
        outages: 0.15,
      });
      expect(page.stale(), `seed ${seed}`).toEqual([]);
      expect(page.outages(), `seed ${seed}`).toBeGreaterThan(0);
      // The default limit trusts every catch-up here; a low one resyncs.
      if (catchUpLimit === 100) expect(page.resyncs()).toBe(0);
      else expect(page.resyncs()).toBeGreaterThan(0);
      page.close();
    }
  });

  it("should read only the queries an event can change", async () => {
    // Five hooks: lists of posts 1–10, 11–20 and 1–5, the detail of 1, many of 1 and 11.
    const page = await lab();
    // Post 15's version changed: only the list that shows it reads.
    expect(await page.eventAbout(15, "updated", ["version"])).toBe(1);
    expect(page.stale()).toEqual([]);
    // Post 1: the two lists that show it, the detail and the many.
    expect(await page.eventAbout(1, "updated", ["version"])).toBe(4);
    expect(page.stale()).toEqual([]);
    // Without `changed` any field may have changed: every list reads.
    expect(await page.eventAbout(15)).toBe(3);
    expect(page.stale()).toEqual([]);
    // A created or deleted record shifts offset pages: every list reads.
    expect(await page.eventAbout(31, "created")).toBe(3);
    expect(await page.eventAbout(11, "deleted")).toBe(4);
  });

  it("should update a record's detail query in place from the event's data, with applyData", async () => {
    // Post 1: lists p1 and the table show it, the many holds it, the detail is it.
    const page = await lab({ resources: { posts: { applyData: true } } });
    expect(await page.updateWithData(1)).toBe(3);
    expect(page.stale()).toEqual([]);
    // data that is not that record's (another id) is not applied: it reads.
    expect(await page.updateWithData(1, (post) => ({ ...post, id: 2 }))).toBe(
      4,
    );
    expect(page.stale()).toEqual([]);
    page.close();
    // Without applyData the detail reads.
    const plain = await lab();
    expect(await plain.updateWithData(1)).toBe(4);
    expect(plain.stale()).toEqual([]);
  });

  it("should cost no more reads for a burst in one response than for one event, without the helper", async () => {
    const page = await lab({ helper: false });
    const oneEvent = await page.event();
    expect(page.stale()).toEqual([]);
    expect(await page.burst(10)).toBeLessThanOrEqual(oneEvent);
    expect(page.stale()).toEqual([]);
  });

  it("should stay fresh with coalescing off, with and without the helper", async () => {
    for (const helper of [true, false]) {
      const page = await lab({ helper, coalesce: false });
      const burst = await page.burst(10);
      expect(page.stale()).toEqual([]);
      if (helper) expect(burst).toBe(5);
      page.close();
    }
  });
});

import { liveProvider } from "@refinedev/pubnub";
import { presenceOf } from "@refinedev/pubnub/presence";
import { afterAll, expect, it } from "vitest";
import { emulatorHarness, eventually } from "../test/helpers/emulatorHarness";
import { median, record } from "./record";

// Real PubNub holds a long-poll about 280 s: so long-polls do not inflate
// the request counts.
const harness = emulatorHarness({ longPollTimeout: 280_000 });
afterAll(() => harness.close());

const PRESENCE_TIMEOUT = 20; // s; the SDK heartbeats every 20/2 − 1 = 9 s
const STARTUP_MS = 5_000;
const STEADY_MS = 18_000; // two heartbeat periods

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Requests a user's client made in a time window, by operation. */
function requestsOf(userId: string, from: number, to: number) {
  const counts: Record<string, number> = {};
  harness.emulator.requests
    .slice(from, to)
    .filter((request) => request.userId === userId)
    .forEach(({ operation }) => {
      counts[operation] = (counts[operation] ?? 0) + 1;
    });
  return counts;
}

const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

it("counts the requests of usePresence's enter + watch on 1 and 10 records", async () => {
  const rows = [];
  for (const records of [1, 10]) {
    const userId = `editor-${records}`;
    const client = harness.client(userId, {
      presenceTimeout: PRESENCE_TIMEOUT,
    });
    const presence = presenceOf(liveProvider(client, { onError: () => {} }));
    const start = harness.emulator.requests.length;
    for (let id = 1; id <= records; id++) {
      presence.enter({ resource: `r${records}`, id }, { name: "Ed" });
      presence.watch({ resource: `r${records}`, id }, () => {});
    }
    await sleep(STARTUP_MS);
    const steady = harness.emulator.requests.length;
    await sleep(STEADY_MS);
    const end = harness.emulator.requests.length;
    const startup = requestsOf(userId, start, steady);
    const perMinute =
      total(requestsOf(userId, steady, end)) * (60_000 / STEADY_MS);
    expect(startup["here-now"]).toBeGreaterThanOrEqual(records);
    rows.push({
      records,
      "first 5 s": total(startup),
      "of which here-now": startup["here-now"] ?? 0,
      "set-state": startup["set-state"] ?? 0,
      "subscribe + heartbeat":
        (startup.subscribe ?? 0) + (startup.heartbeat ?? 0),
      "then per minute": Math.round(perMinute),
    });
    client.destroy(true);
  }
  record("presence-requests", rows);
});

it("measures join and leave as a watcher sees them, against raw onPresence", async () => {
  const target = { resource: "latency", id: 1 };
  const watcherClient = harness.client("watcher");
  const seen = { watch: new Set<string>(), raw: new Set<string>() };
  const changed = { watch: 0, raw: 0 };
  presenceOf(liveProvider(watcherClient)).watch(target, (members) => {
    seen.watch = new Set(members.map((m) => m.userId));
    changed.watch = performance.now();
  });
  const raw = harness
    .client("raw-watcher")
    .channel("resources.latency.1-pnpres")
    .subscription();
  raw.onPresence = (event) => {
    if (event.action === "join") seen.raw.add(event.uuid ?? "");
    if (event.action === "leave") seen.raw.delete(event.uuid ?? "");
    changed.raw = performance.now();
  };
  raw.subscribe();
  await sleep(4_000); // both watchers settled (incl. the second here-now)

  const editor = presenceOf(
    liveProvider(
      harness.client("editor", { presenceTimeout: PRESENCE_TIMEOUT }),
      {
        releaseDelay: 0,
      },
    ),
  );
  const samples = 15;
  const times = {
    joinWatch: [],
    joinRaw: [],
    leaveWatch: [],
    leaveRaw: [],
  } as Record<string, number[]>;
  const until = async (check: () => boolean) =>
    eventually(() => expect(check()).toBe(true), 10_000);
  for (let n = 0; n < samples; n++) {
    const start = performance.now();
    const handle = editor.enter(target, { n });
    await until(() => seen.watch.has("editor") && seen.raw.has("editor"));
    times.joinWatch?.push(changed.watch - start);
    times.joinRaw?.push(changed.raw - start);
    const left = performance.now();
    handle.leave();
    await until(() => !seen.watch.has("editor") && !seen.raw.has("editor"));
    times.leaveWatch?.push(changed.watch - left);
    times.leaveRaw?.push(changed.raw - left);
  }
  const ms = (values: number[] = []) => Number(median(values).toFixed(1));
  record("presence-latency", [
    {
      change: "join",
      samples,
      "usePresence watch, p50 (ms)": ms(times.joinWatch),
      "raw onPresence, p50 (ms)": ms(times.joinRaw),
      ratio: Number(
        (median(times.joinWatch ?? []) / median(times.joinRaw ?? [])).toFixed(
          2,
        ),
      ),
    },
    {
      change: "leave",
      samples,
      "usePresence watch, p50 (ms)": ms(times.leaveWatch),
      "raw onPresence, p50 (ms)": ms(times.leaveRaw),
      ratio: Number(
        (median(times.leaveWatch ?? []) / median(times.leaveRaw ?? [])).toFixed(
          2,
        ),
      ),
    },
  ]);
});

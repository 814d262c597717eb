import type { LiveProviderOptions } from "@refinedev/pubnub";
import { PubNubEmulator } from "@refinedev/pubnub/testing";
import { pubnubHandlers } from "@refinedev/pubnub/testing/msw";
import { setupServer } from "msw/node";
import PubNub from "pubnub";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  api,
  CLIENTS,
  type FleetClient,
  fleetClient,
  type Helper,
  peakPerSecond,
  queriesShowing,
  settle,
} from "./fleetModel";
import { record } from "./record";

// The fleet of bench/fleetModel.ts on 200 real pubnub clients (event
// engine, no SDK retries), through the emulator behind msw, and an outage
// of every client at once (each held long-poll fails with a 502) while a
// backend publishes. Counted: reads of the API until all settled, resync
// events, and the most reads within one second.

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

interface Setup {
  name: string;
  helper: Helper;
  options: LiveProviderOptions;
}

const BEFORE: LiveProviderOptions = { catchUpLimit: 0, resyncJitter: 0 };
const SETUPS: Setup[] = [
  { name: "none, resync (before)", helper: "none", options: BEFORE },
  {
    name: "untargeted, resync (before)",
    helper: "untargeted",
    options: BEFORE,
  },
  { name: "none, quiet reconnect", helper: "none", options: {} },
  { name: "targeted, quiet reconnect", helper: "targeted", options: {} },
];

/** Ids of the posts a backend edits (a body change) during an outage. */
const missedIds = (count: number) =>
  Array.from({ length: count }, (_, index) => 11 + (index % 150));

async function startFleet({ helper, options }: Setup) {
  const emulator = new PubNubEmulator({ longPollTimeout: 20_000 });
  server.resetHandlers(...pubnubHandlers(emulator));
  const data = api();
  const pubnubs: PubNub[] = [];
  const clients: FleetClient[] = [];
  for (let n = 0; n < CLIENTS; n++) {
    const pubnub = new PubNub({
      publishKey: "pub-c-bench",
      subscribeKey: "sub-c-bench",
      userId: `u${n}`,
      retryConfiguration: PubNub.NoneRetryPolicy(),
    } as ConstructorParameters<typeof PubNub>[0]);
    pubnubs.push(pubnub);
    // Every client reports each outage; they are the point here.
    const quiet = { ...options, onError: () => {} };
    clients.push(fleetClient(n, data, helper, pubnub, quiet));
  }
  await allConnected(clients, emulator);
  await settle(data);
  return {
    data,
    emulator,
    clients,
    close() {
      for (const client of clients) client.stop();
      for (const pubnub of pubnubs) pubnub.destroy();
      emulator.close();
    },
  };
}

/** Until every client is connected and holds its long-poll (bounded). */
async function allConnected(clients: FleetClient[], emulator: PubNubEmulator) {
  for (let tries = 0; tries < 600; tries++) {
    const connected = clients.every(
      ({ provider }) => provider.connection.getState().status === "connected",
    );
    if (connected && emulator.pendingSubscribes === CLIENTS) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The fleet did not connect within 30 s.");
}

/** An outage of the whole fleet that misses `count` events. */
async function outage(
  fleet: Awaited<ReturnType<typeof startFleet>>,
  count: number,
) {
  const { data, emulator, clients } = fleet;
  const reads = data.reads;
  const resyncs = clients.reduce((sum, client) => sum + client.resyncs, 0);
  data.readTimes.length = 0;
  emulator.failPendingSubscribes({ status: 502 });
  for (const id of missedIds(count)) {
    emulator.publish("resources.posts", {
      type: "updated",
      payload: { ids: [id], changed: ["body"] },
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  await allConnected(clients, emulator);
  // The longest a resync may wait (resyncJitter), then until reads stop.
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  await settle(data, 500);
  return {
    reads: data.reads - reads,
    resyncs: clients.reduce((sum, client) => sum + client.resyncs, 0) - resyncs,
    peak: peakPerSecond(data.readTimes),
  };
}

it("fleet reads after an outage: resync after every outage, and quiet reconnect", async () => {
  const rows: Array<Record<string, unknown>> = [];
  const queries = CLIENTS + CLIENTS / 4;
  const showingFive = queriesShowing(api(), missedIds(5));
  for (const setup of SETUPS) {
    const fleet = await startFleet(setup);
    const five = await outage(fleet, 5);
    const many = await outage(fleet, 150);
    fleet.close();
    rows.push({
      setup: setup.name,
      "5 missed: reads": five.reads,
      "5 missed: resync events": five.resyncs,
      "150 missed: reads": many.reads,
      "150 missed: resync events": many.resyncs,
      "150 missed: peak reads/s": many.peak,
    });
  }
  rows.push({
    setup: `for reference: queries ${queries}; queries showing the 5 edited posts ${showingFive}; ${queries} queries / 3 s jitter = ${Math.round(queries / 3)} reads/s`,
  });
  record("fleet-outage", rows);
  const quiet = rows[3] ?? {};
  // Targets: a short outage costs what its events target, with no resync;
  // an overflowing one reads every query once, spread over the jitter.
  expect(quiet["5 missed: resync events"]).toBe(0);
  expect(Number(quiet["5 missed: reads"])).toBeLessThanOrEqual(showingFive);
  expect(quiet["150 missed: reads"]).toBe(queries);
  expect(Number(quiet["150 missed: peak reads/s"])).toBeLessThan(queries);
}, 600_000);

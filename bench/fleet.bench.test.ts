import { toPubNubChannel } from "@refinedev/pubnub";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { expect, it } from "vitest";
import {
  api,
  CLIENTS,
  type FleetApi,
  fleetClient,
  type Helper,
  listOf,
  pageOf,
  settle,
} from "./fleetModel";
import { record } from "./record";

// The fleet (bench/fleetModel.ts) of 200 clients on one MemoryNetwork, and
// the reads of the API after one event of each kind.

async function fleet(helper: Helper) {
  const data = api();
  const network = new MemoryNetwork();
  const clients = Array.from({ length: CLIENTS }, (_, n) =>
    fleetClient(
      n,
      data,
      helper,
      new MemoryPubNub({ network, userId: `u${n}` }),
    ),
  );
  await settle(data);
  return {
    data,
    network,
    close: () => {
      for (const client of clients) client.stop();
    },
  };
}

/** How many clients show post `id`, in their list page or their detail. */
function clientsShowing(data: FleetApi, id: number): number {
  let count = 0;
  for (let n = 0; n < CLIENTS; n++) {
    const { params, detail } = pageOf(n);
    const shown = listOf(data, params).data.some((row) => row.id === id);
    if (shown || detail === id) count++;
  }
  return count;
}

interface FleetEvent {
  name: string;
  message: Record<string, unknown>;
  /** What the API's data becomes first: a post's field set to a value. */
  change?: [id: number, field: "title" | "status", value: string];
}

const EVENTS: FleetEvent[] = [
  {
    name: "updated, changed: title (a sort field)",
    message: { type: "updated", payload: { ids: [5], changed: ["title"] } },
    change: [5, "title", "A new title"],
  },
  {
    name: "updated, changed: body (no sort or filter field)",
    message: { type: "updated", payload: { ids: [15], changed: ["body"] } },
  },
  {
    name: "updated, changed: status (a filter field)",
    message: { type: "updated", payload: { ids: [6], changed: ["status"] } },
    change: [6, "status", "published"],
  },
  {
    name: "updated, no changed",
    message: { type: "updated", payload: { ids: [7] } },
  },
  { name: "created", message: { type: "created", payload: { ids: [201] } } },
  { name: "deleted", message: { type: "deleted", payload: { ids: [8] } } },
];

it("fleet reads per event: refine's default, the untargeted helper, the targeted helper", async () => {
  const rows: Array<Record<string, unknown>> = [];
  const fleets = {
    none: await fleet("none"),
    untargeted: await fleet("untargeted"),
    targeted: await fleet("targeted"),
  };
  for (const { name, message, change } of EVENTS) {
    const ids = (message.payload as { ids: number[] }).ids;
    const row: Record<string, unknown> = {
      event: name,
      showing: clientsShowing(fleets.targeted.data, ids[0] ?? 0),
    };
    for (const [helper, { data, network }] of Object.entries(fleets)) {
      if (change) {
        const [id, field, value] = change;
        const post = data.posts[id - 1];
        if (post) post[field] = value;
      }
      const before = data.reads;
      network.publish(toPubNubChannel("resources/posts"), message);
      await network.flush();
      await settle(data);
      row[helper] = data.reads - before;
    }
    rows.push(row);
  }
  for (const { close } of Object.values(fleets)) close();
  record("fleet", rows);
  const [, body] = rows;
  // The target: an update that touches no sort or filter field costs at
  // most the clients that show the record.
  expect(Number(body?.targeted)).toBeLessThanOrEqual(Number(body?.showing));
  for (const row of rows) {
    expect(Number(row.targeted)).toBeLessThanOrEqual(Number(row.untargeted));
  }
}, 120_000);

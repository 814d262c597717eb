// @vitest-environment jsdom
import {
  type LiveProvider,
  Refine,
  useList,
  useMany,
  useOne,
} from "@refinedev/core";
import { liveProvider } from "@refinedev/pubnub";
import { act, cleanup, render } from "@testing-library/react";
import type PubNub from "pubnub";
import { StrictMode } from "react";
import { afterEach, expect, it, vi } from "vitest";
import { memoryDataProvider } from "../test/helpers/dataProvider";
import { emulatorHarness } from "../test/helpers/emulatorHarness";
import { naiveLiveProvider } from "./naiveProvider";
import { record } from "./record";

const RESOURCES = ["posts", "users", "tags", "orders", "invoices"];
const pause = (ms: number) =>
  act(() => new Promise((resolve) => setTimeout(resolve, ms)));

afterEach(cleanup);

// 4 live hooks per resource, 20 in all.
function Dashboard() {
  return RESOURCES.map((resource) => (
    <ResourceHooks key={resource} resource={resource} />
  ));
}

function ResourceHooks({ resource }: { resource: string }) {
  useList({ resource });
  useList({ resource, pagination: { currentPage: 2 } });
  useOne({ resource, id: 1 });
  useMany({ resource, ids: [1, 2] });
  return null;
}

async function measure(
  name: string,
  makeProvider: (client: PubNub) => LiveProvider,
) {
  const harness = emulatorHarness();
  try {
    const client = harness.client("bench");
    const prototype = Object.getPrototypeOf(
      client.channel("probe").subscription(),
    );
    const subscribe = vi.spyOn(prototype, "subscribe");
    const unsubscribe = vi.spyOn(prototype, "unsubscribe");
    const provider = makeProvider(client);
    const { dataProvider } = memoryDataProvider(
      Object.fromEntries(
        RESOURCES.map((resource) => [resource, [{ id: 1 }, { id: 2 }]]),
      ),
    );
    const app = (page: "dashboard" | "elsewhere") => (
      <StrictMode>
        <Refine
          dataProvider={dataProvider}
          liveProvider={provider}
          resources={RESOURCES.map((resource) => ({ name: resource }))}
          options={{ liveMode: "auto", disableTelemetry: true }}
        >
          {page === "dashboard" ? <Dashboard /> : <p>elsewhere</p>}
        </Refine>
      </StrictMode>
    );
    const view = render(app("dashboard"));
    await pause(500);
    view.rerender(app("elsewhere"));
    await pause(200);
    view.rerender(app("dashboard"));
    await pause(500);
    const row = {
      provider: name,
      "SDK subscribe()": subscribe.mock.calls.length,
      "SDK unsubscribe()": unsubscribe.mock.calls.length,
      "HTTP requests": harness.requests().length,
      "subscribe requests": harness.requests("subscribe").length,
      "heartbeats (joins)": harness.requests("heartbeat").length,
      leaves: harness.requests("leave").length,
    };
    subscribe.mockRestore();
    unsubscribe.mockRestore();
    return row;
  } finally {
    cleanup();
    await harness.close();
  }
}

it("counts SDK calls and HTTP requests for a StrictMode page with 20 hooks, away and back", async () => {
  const ours = await measure("@refinedev/pubnub", (client) =>
    liveProvider(client, { onError: () => {} }),
  );
  const naive = await measure(
    "naive port (one SDK subscription per hook)",
    naiveLiveProvider,
  );
  expect(ours["SDK subscribe()"]).toBeGreaterThan(0);
  const ratio = (key: keyof typeof ours) =>
    Number((Number(naive[key]) / Math.max(1, Number(ours[key]))).toFixed(1));
  record("churn", [
    ours,
    naive,
    {
      provider: "ratio (naive / ours)",
      "SDK subscribe()": ratio("SDK subscribe()"),
      "SDK unsubscribe()": ratio("SDK unsubscribe()"),
      "HTTP requests": ratio("HTTP requests"),
      "subscribe requests": ratio("subscribe requests"),
      "heartbeats (joins)": ratio("heartbeats (joins)"),
      leaves: ratio("leaves"),
    },
  ]);
});

import { describe, expect, it } from "vitest";
import {
  initialMonitorState,
  MAX_TOKEN_ATTEMPTS,
  type MonitorInput,
  type MonitorState,
  type MonitorTransition,
  nextMonitorState,
} from "../../src/connection/connectionTransition";
import type { StatusMeaning } from "../../src/connection/statusMeaning";
import type { PubNubStatusEvent } from "../../src/pubnubClient";
import { observedStatuses, subscribe } from "../helpers/observedStatuses";

const live: MonitorState = { ...initialMonitorState, status: "connected" };
const outage: MonitorState = {
  ...initialMonitorState,
  status: "reconnecting",
  lost: true,
  attempt: 2,
};

/** A transition as `status: effect, effect(attempt), …`, for tables. */
function summary({ state, effects }: MonitorTransition): string {
  const named = effects.map((effect) =>
    "attempt" in effect ? `${effect.type}(${effect.attempt})` : effect.type,
  );
  return `${state.status}: ${named.join(", ")}`;
}

const statusInput = (
  status: PubNubStatusEvent,
  canRefreshToken = true,
): MonitorInput => ({ type: "status", status, canRefreshToken });

// What each meaning does to a live connection and during an outage.
const expected: Record<StatusMeaning, [fromLive: string, fromOutage: string]> =
  {
    connected: ["connected: cancel-all", "connected: cancel-all, resync"],
    disconnected: ["disconnected: cancel-all", "disconnected: cancel-all"],
    offline: [
      "reconnecting: cancel-quiet-check",
      "reconnecting: cancel-quiet-check",
    ],
    retrying: [
      "reconnecting: cancel-quiet-check, report",
      "reconnecting: cancel-quiet-check",
    ],
    reconnected: ["connected: quiet-check", "reconnecting: quiet-check"],
    stopped: [
      "reconnecting: cancel-quiet-check, report, reconnect(0)",
      "reconnecting: cancel-quiet-check, reconnect(2)",
    ],
    "access-denied": [
      "reconnecting: cancel-quiet-check, fetch-token(0)",
      "reconnecting: cancel-quiet-check, fetch-token(0)",
    ],
    ignored: ["connected: ", "reconnecting: "],
  };

describe("nextMonitorState", () => {
  it.each(observedStatuses)("should act on %s from %o", (meaning, status) => {
    const [fromLive, fromOutage] = expected[meaning];
    expect(summary(nextMonitorState(live, statusInput(status)))).toBe(fromLive);
    expect(summary(nextMonitorState(outage, statusInput(status)))).toBe(
      fromOutage,
    );
  });

  it("should stop at a 403 when there is no getToken", () => {
    for (const [meaning, status] of observedStatuses) {
      if (meaning !== "access-denied") continue;
      const next = nextMonitorState(live, statusInput(status, false));
      expect(summary(next)).toBe("error: cancel-all, report");
      expect(next.state.error).toMatchObject({
        category: "access-denied",
        reason: "no-get-token",
      });
    }
  });

  it("should count reconnects and start again once connected", () => {
    const stopped = statusInput({
      category: "PNDisconnectedUnexpectedlyCategory",
      error: "PNNetworkIssuesCategory",
    });
    let state = live;
    for (const attempt of [0, 1, 2]) {
      const next = nextMonitorState(state, stopped);
      expect(next.effects.at(-1)).toEqual({ type: "reconnect", attempt });
      state = next.state;
    }
    const back = nextMonitorState(state, { type: "quiet" });
    expect(back.state).toMatchObject({ attempt: 0, lost: false });
  });

  it("should give up after three refused tokens in a row", () => {
    const denied = statusInput({
      category: "PNAccessDeniedCategory",
      operation: subscribe,
      error: true,
    });
    let state = live;
    for (let attempt = 0; attempt < MAX_TOKEN_ATTEMPTS; attempt++) {
      const next = nextMonitorState(state, denied);
      expect(summary(next)).toContain(`fetch-token(${attempt})`);
      state = next.state;
    }
    const next = nextMonitorState(state, denied);
    expect(summary(next)).toBe("error: cancel-all, report");
    expect(next.state.error).toMatchObject({ reason: "tokens-refused" });
  });

  it("should retry a token fetch that failed, as a refused token", () => {
    const status = { category: "PNAccessDeniedCategory" };
    const first = nextMonitorState(
      { ...outage, tokenAttempts: 1 },
      { type: "token-failed", status, canRefreshToken: true },
    );
    expect(summary(first)).toBe(
      "reconnecting: cancel-quiet-check, fetch-token(1)",
    );
  });

  it("should remember that the older loop restarts silently", () => {
    const older = nextMonitorState(
      live,
      statusInput({
        category: "PNServerErrorCategory",
        operation: subscribe,
        error: true,
      }),
    );
    expect(older.state.quietLoop).toBe(true);
    const engine = nextMonitorState(
      older.state,
      statusInput({
        category: "PNDisconnectedUnexpectedlyCategory",
        error: "PNServerErrorCategory",
      }),
    );
    expect(engine.state.quietLoop).toBe(false);
  });

  it("should go connecting when a subscriber comes to an idle connection", () => {
    const subscribing: MonitorInput = { type: "subscribing" };
    for (const status of ["idle", "disconnected"] as const) {
      const from = { ...initialMonitorState, status };
      expect(summary(nextMonitorState(from, subscribing))).toBe("connecting: ");
    }
    expect(nextMonitorState(outage, subscribing).state).toBe(outage);
  });

  it("should take a message as proof of a working connection", () => {
    const message: MonitorInput = { type: "message" };
    const connecting = {
      ...initialMonitorState,
      status: "connecting",
    } as const;
    expect(summary(nextMonitorState(connecting, message))).toBe(
      "connected: cancel-all",
    );
    expect(summary(nextMonitorState(outage, message))).toBe(
      "connected: cancel-all, resync",
    );
    for (const status of ["connected", "disconnected", "error"] as const) {
      const from = { ...initialMonitorState, status };
      expect(nextMonitorState(from, message).state).toBe(from);
    }
  });
});

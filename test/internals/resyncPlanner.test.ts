import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CATCH_UP_DEFAULTS,
  type CatchUpSettings,
  ResyncPlanner,
} from "../../src/connection/resyncPlanner";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function planner(settings: Partial<CatchUpSettings> = {}) {
  const resync = vi.fn();
  const plan = new ResyncPlanner(
    () => ({ ...CATCH_UP_DEFAULTS, ...settings }),
    resync,
  );
  return { plan, resync };
}

describe("ResyncPlanner", () => {
  it("should trust the catch-up of an outage within the window", () => {
    vi.useFakeTimers();
    const { plan, resync } = planner();
    plan.recovered(14 * 60_000);
    vi.advanceTimersByTime(10_000);
    expect(resync).not.toHaveBeenCalled();
    expect(plan.burst(99)).toBe(false);
  });

  it("should resync once, within the jitter window, after a longer outage", () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const { plan, resync } = planner({ resyncJitter: 3000 });
    plan.recovered(16 * 60_000);
    plan.recovered(Number.POSITIVE_INFINITY);
    expect(plan.pending).toBe(true);
    expect(plan.burst(1)).toBe(true);
    vi.advanceTimersByTime(2996);
    expect(resync).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(resync).toHaveBeenCalledTimes(1);
    expect(plan.pending).toBe(false);
    expect(plan.burst(1)).toBe(false);
  });

  it("should resync instead of a burst that reaches the limit, connected or not", () => {
    const { plan, resync } = planner({ catchUpLimit: 5, resyncJitter: 0 });
    expect(plan.burst(4)).toBe(false);
    expect(plan.burst(5)).toBe(true);
    expect(resync).toHaveBeenCalledTimes(1);
  });

  it("should resync after every outage, and never judge bursts, with catchUpLimit 0", () => {
    const { plan, resync } = planner({ catchUpLimit: 0, resyncJitter: 0 });
    expect(plan.burst(1000)).toBe(false);
    plan.recovered(1);
    expect(resync).toHaveBeenCalledTimes(1);
  });

  it("should drop a pending resync on dispose", () => {
    vi.useFakeTimers();
    const { plan, resync } = planner();
    plan.recovered(Number.POSITIVE_INFINITY);
    plan.dispose();
    vi.advanceTimersByTime(10_000);
    expect(resync).not.toHaveBeenCalled();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HeldResource } from "../../src/heldResource";

describe("HeldResource", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("should release once, the delay after the last holder let go", () => {
    const release = vi.fn();
    const held = new HeldResource<string>(release);
    held.hold("a");
    held.hold("b");
    expect(held.letGo("a", 1000)).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(release).not.toHaveBeenCalled();
    held.letGo("b", 1000);
    vi.advanceTimersByTime(999);
    expect(release).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it("should keep the resource when a holder comes back within the delay", () => {
    const release = vi.fn();
    const held = new HeldResource<string>(release);
    held.hold("a");
    held.letGo("a", 1000);
    held.hold("a");
    vi.advanceTimersByTime(5000);
    expect(release).not.toHaveBeenCalled();
    expect([...held.holders]).toEqual(["a"]);
  });

  it('should release at once for "now", and never while someone holds it', () => {
    const release = vi.fn();
    const held = new HeldResource<string>(release);
    held.hold("a");
    held.hold("b");
    held.releaseNow();
    expect(release).not.toHaveBeenCalled();
    held.letGo("a", "now");
    expect(release).not.toHaveBeenCalled();
    held.letGo("b", "now");
    expect(release).toHaveBeenCalledTimes(1);
  });

  it("should say false, and do nothing, for a holder it does not have", () => {
    const release = vi.fn();
    const held = new HeldResource<string>(release);
    expect(held.letGo("stranger", "now")).toBe(false);
    held.hold("a");
    held.letGo("a", 1000);
    expect(held.letGo("a", 1000)).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(release).toHaveBeenCalledTimes(1);
  });
});

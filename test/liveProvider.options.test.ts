import { ChannelNameError, liveProvider } from "@refinedev/pubnub";
import { MemoryPubNub } from "@refinedev/pubnub/testing";
import { describe, expect, it, vi } from "vitest";

describe("liveProvider()", () => {
  it("should say what to pass when the client is missing", () => {
    expect(() => liveProvider(undefined as never)).toThrow(
      /needs a PubNub client: `new PubNub/,
    );
    expect(() => liveProvider({} as never)).toThrow(TypeError);
  });

  it("should refuse a namespace the mapping cannot carry", () => {
    expect(() =>
      liveProvider(new MemoryPubNub(), { namespace: "a.b" }),
    ).toThrow(ChannelNameError);
  });

  it("should refuse a negative or non-numeric releaseDelay", () => {
    for (const releaseDelay of [-1, Number.NaN, 2 ** 32, null, "1000"]) {
      expect(() =>
        liveProvider(new MemoryPubNub(), {
          releaseDelay: releaseDelay as number,
        }),
      ).toThrow(RangeError);
    }
  });

  it("should log errors with console.error by default", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const provider = liveProvider(new MemoryPubNub());
    provider.subscribe({ channel: "", types: ["*"], callback() {} });
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(
      /^\[@refinedev\/pubnub\] Cannot map the channel ""/,
    );
    expect(log.mock.calls[0]?.[1]).toBeInstanceOf(ChannelNameError);
  });
});

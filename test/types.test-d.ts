import type { LiveProvider } from "@refinedev/core";
import {
  type LiveSubscription,
  liveProvider,
  type PubNubClient,
} from "@refinedev/pubnub";
import { MemoryPubNub } from "@refinedev/pubnub/testing";
import PubNub from "pubnub";
import { describe, expectTypeOf, it } from "vitest";

describe("types", () => {
  it("should accept a real PubNub client and the memory stand-in", () => {
    const accept = (client: PubNubClient) => client;
    accept(new PubNub({ subscribeKey: "sub", userId: "u" }));
    accept(new MemoryPubNub());
    expectTypeOf(liveProvider).parameter(0).toEqualTypeOf<PubNubClient>();
  });

  it("should return a refine LiveProvider with a typed handle", () => {
    const provider = liveProvider(new MemoryPubNub());
    expectTypeOf(provider).toExtend<LiveProvider>();
    expectTypeOf(provider.subscribe).returns.toEqualTypeOf<LiveSubscription>();
  });

  it("should refuse things that are not PubNub clients", () => {
    // @ts-expect-error a PubNub configuration is not a client
    liveProvider({ subscribeKey: "sub", userId: "u" });
  });
});

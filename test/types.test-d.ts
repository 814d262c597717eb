import type { LiveProvider } from "@refinedev/core";
import {
  AccessDeniedError,
  CallbackError,
  type ConnectionError,
  type LiveSubscription,
  liveProvider,
  PublishError,
  type PubNubClient,
} from "@refinedev/pubnub";
import { withLiveInvalidation } from "@refinedev/pubnub/react-query";
import { MemoryPubNub } from "@refinedev/pubnub/testing";
import { QueryClient } from "@tanstack/react-query";
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

  it("should hand back the QueryClient type it was given, and refuse other things", () => {
    expectTypeOf(
      withLiveInvalidation(new QueryClient()),
    ).toEqualTypeOf<QueryClient>();
    // @ts-expect-error a client configuration is not a QueryClient
    withLiveInvalidation({ defaultOptions: {} });
  });

  it("should refuse things that are not PubNub clients", () => {
    // @ts-expect-error a PubNub configuration is not a client
    liveProvider({ subscribeKey: "sub", userId: "u" });
  });

  it("should build errors from typed context only", () => {
    expectTypeOf(
      new CallbackError({ callback: "getToken", cause: 1 }).callback,
    ).toEqualTypeOf<CallbackError["callback"]>();
    expectTypeOf(
      new AccessDeniedError({ reason: "no-get-token", status: {} }),
    ).toExtend<ConnectionError>();
    // @ts-expect-error a refused token is not a lost connection
    new AccessDeniedError({ reason: "lost", status: {} });
    // @ts-expect-error the context names the callback
    new CallbackError({ callback: "somethingElse", cause: 1 });
    // @ts-expect-error messages are built from context, not passed in
    new PublishError("resources/posts", "it failed");
  });
});

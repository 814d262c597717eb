import type { LiveProvider } from "@refinedev/core";
import type * as Root from "@refinedev/pubnub";
import {
  AccessDeniedError,
  CallbackError,
  type ConnectionError,
  type ConnectionState,
  type LiveError,
  type LiveProviderOptions,
  type LiveSubscription,
  liveProvider,
  PublishError,
  type PubNubClient,
} from "@refinedev/pubnub";
import type { PresenceError } from "@refinedev/pubnub/presence";
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

  it("should narrow a reported error by its category, then its reason", () => {
    const options: LiveProviderOptions = {
      onError: (error) => {
        expectTypeOf(error).toEqualTypeOf<LiveError>();
        if (error.category === "publish") {
          expectTypeOf(error).toEqualTypeOf<PublishError>();
          expectTypeOf(error.statusCode).toEqualTypeOf<number | undefined>();
          expectTypeOf(error.reason).toEqualTypeOf<
            | "refused"
            | "no-type"
            | "no-channel"
            | "bad-changed"
            | "bad-data"
            | "bad-sender"
            | "too-large"
          >();
        }
        if (error.category === "connection") {
          expectTypeOf(error.reason).toEqualTypeOf<"lost" | "offline">();
        }
        if (error.category === "presence") {
          expectTypeOf(error).toEqualTypeOf<PresenceError>();
        }
        // @ts-expect-error a message too large is a publish error's reason
        if (error.category === "message-too-large") return;
      },
    };
    expectTypeOf(options.onError).not.toBeUndefined();
    expectTypeOf<ConnectionState["error"]>().toEqualTypeOf<
      ConnectionError | AccessDeniedError | undefined
    >();
  });

  it("should build errors from one typed context and export no context types", () => {
    expectTypeOf(
      new CallbackError({ reason: "getToken", cause: 1 }).reason,
    ).toEqualTypeOf<CallbackError["reason"]>();
    // @ts-expect-error a refused token is not a lost connection
    new AccessDeniedError({ reason: "lost", status: {} });
    // @ts-expect-error the context names the callback
    new CallbackError({ reason: "somethingElse", cause: 1 });
    // @ts-expect-error messages are built from context, not passed in
    new PublishError("resources/posts", "it failed");
    // @ts-expect-error constructor contexts are internal
    expectTypeOf<Root.PublishErrorContext>().toBeObject();
  });
});

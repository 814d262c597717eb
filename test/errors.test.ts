import {
  AccessDeniedError,
  CallbackError,
  ChannelNameError,
  ConnectionError,
  DisposedError,
  InvalidMessageError,
  isPubNubLiveError,
  PublishError,
  PubNubLiveError,
  SubscribeError,
} from "@refinedev/pubnub";
import { PresenceError } from "@refinedev/pubnub/presence";
import { GrantError } from "@refinedev/pubnub/server";
import { afterEach, describe, expect, it, vi } from "vitest";

const refused = {
  status: { category: "PNAccessDeniedCategory", statusCode: 403 },
};

// One of each class, built from its context as the provider builds them.
const errors = () => [
  new ChannelNameError({ reason: "not-a-string", channel: "" }),
  new SubscribeError({ reason: "no-callback", channel: "resources/posts" }),
  new PublishError({
    reason: "refused",
    channel: "resources/posts",
    cause: refused,
  }),
  new PublishError({
    reason: "too-large",
    channel: "resources/posts",
    size: 40_000,
    limit: 30_720,
  }),
  new InvalidMessageError({
    reason: "bad-ids",
    channel: "resources/posts",
    receivedMessage: 1,
  }),
  new CallbackError({ reason: "getToken", cause: new Error("offline") }),
  new ConnectionError({
    reason: "lost",
    status: { category: "PNNetworkIssuesCategory" },
  }),
  new AccessDeniedError({ reason: "tokens-refused", status: {}, attempts: 3 }),
  new DisposedError({ reason: "publish", channel: "resources/posts" }),
  new PresenceError({
    reason: "state-too-large",
    channel: "resources/posts/1",
    size: 2000,
  }),
  new GrantError({ reason: "bad-ttl", ttl: 0 }),
];

describe("errors", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("should carry one category and one reason on every class", () => {
    const built = errors();
    expect(
      built.map((error) => `${error.name} ${error.category}/${error.reason}`),
    ).toEqual([
      "ChannelNameError channel-name/not-a-string",
      "SubscribeError subscribe/no-callback",
      "PublishError publish/refused",
      "PublishError publish/too-large",
      "InvalidMessageError invalid-message/bad-ids",
      "CallbackError callback/getToken",
      "ConnectionError connection/lost",
      "AccessDeniedError access-denied/tokens-refused",
      "DisposedError disposed/publish",
      "PresenceError presence/state-too-large",
      "GrantError grant/bad-ttl",
    ]);
    for (const error of built) {
      expect(error).toBeInstanceOf(PubNubLiveError);
      expect(isPubNubLiveError(error)).toBe(true);
    }
  });

  it("should say what happened and what to do in development", () => {
    const messages = errors().map((error) => error.message);
    expect(messages[2]).toMatch(/access denied \(403\).*grant write/);
    expect(messages[3]).toMatch(/40000 bytes.*30720 byte limit/);
    expect(messages[7]).toMatch(/refused 3 tokens in a row/);
    expect(messages[10]).toMatch(
      /`ttl` must be whole minutes from 1 to 43200, got 0/,
    );
  });

  it("should keep every typed field and name category, reason and README section in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const [
      ,
      subscribe,
      publish,
      tooLarge,
      invalid,
      callback,
      ,
      denied,
      ,
      presence,
    ] = errors();
    expect(subscribe?.message).toBe(
      'subscribe: no-callback on "resources/posts" (README#errors)',
    );
    expect(denied?.message).toBe(
      "access-denied: tokens-refused (README#errors)",
    );
    expect(publish).toMatchObject({
      statusCode: 403,
      pubnubCategory: "PNAccessDeniedCategory",
      cause: refused,
    });
    expect(tooLarge).toMatchObject({ size: 40_000, limit: 30_720 });
    expect(invalid).toMatchObject({
      receivedMessage: 1,
      channel: "resources/posts",
    });
    expect(callback?.cause).toEqual(new Error("offline"));
    expect(presence?.message).toMatch(
      /^presence: state-too-large on "resources\/posts\/1"/,
    );
  });
});

import {
  ChannelNameError,
  fromPubNubChannel,
  toPubNubChannel,
} from "@refinedev/pubnub";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { describe, expect, it } from "vitest";

const awkward = [
  "resources/posts",
  "resources/v1.posts",
  "resources/v1/posts",
  "resources/blog posts",
  "resources/a,b",
  "resources/a:b",
  "resources/a*b",
  "resources/a\\b",
  "resources/~tilde",
  "resources/tab\there",
  "resources/new\nline",
  "resources/\u00a0nbsp",
  "resources/статьи",
  "resources/記事",
  "resources/emoji🎉",
  "resources/",
  "/leading",
  "no-slash",
  "..",
  "a/b/c/d/e",
  "resources/%41",
];

describe("toPubNubChannel()", () => {
  it("should map refine's resource channels to readable names", () => {
    expect(toPubNubChannel("resources/posts")).toBe("resources.posts");
    expect(toPubNubChannel("resources/posts", "acme")).toBe(
      "acme.resources.posts",
    );
  });

  it("should escape reserved and forbidden characters as ~XX of UTF-8", () => {
    expect(toPubNubChannel("resources/v1.posts")).toBe("resources.v1~2Eposts");
    expect(toPubNubChannel("resources/v1/posts")).toBe("resources.v1~2Fposts");
    expect(toPubNubChannel("resources/blog posts")).toBe(
      "resources.blog~20posts",
    );
    expect(toPubNubChannel("a,b:c*d\\e~f")).toBe("a~2Cb~3Ac~2Ad~5Ce~7Ef");
    expect(toPubNubChannel("x\u00a0y")).toBe("x~C2~A0y");
    expect(toPubNubChannel("resources/статьи")).toBe("resources.статьи");
  });

  it.each(awkward)(
    "should give a name PubNub accepts for %j",
    async (channel) => {
      const name = toPubNubChannel(channel, "app");
      const pubnub = new MemoryPubNub({ network: new MemoryNetwork() });
      await expect(
        pubnub.publish({ channel: name, message: { type: "x" } }),
      ).resolves.toBeDefined();
    },
  );

  it("should never map two refine channels to one PubNub channel", () => {
    const names = awkward.map((channel) => toPubNubChannel(channel));
    expect(new Set(names).size).toBe(awkward.length);
    expect(toPubNubChannel("resources/v1.posts")).not.toBe(
      toPubNubChannel("resources/v1/posts"),
    );
  });

  it("should refuse names that cannot fit, rather than cut them", () => {
    expect(() => toPubNubChannel(`resources/${"p".repeat(82)}`)).not.toThrow();
    expect(() => toPubNubChannel(`resources/${"p".repeat(83)}`)).toThrow(
      ChannelNameError,
    );
    expect(() => toPubNubChannel(`resources/${" ".repeat(30)}`)).toThrow(
      /PubNub allows at most 92/,
    );
    expect(() =>
      toPubNubChannel(`resources/${"p".repeat(80)}`, "tenant"),
    ).toThrow(/shorten the resource name or namespace/);
  });

  it("should count characters, not bytes, against the 92 limit", () => {
    expect(toPubNubChannel(`resources/${"記".repeat(82)}`)).toHaveLength(92);
  });

  it("should refuse empty, non-string and ill-formed channels", () => {
    expect(() => toPubNubChannel("")).toThrow(ChannelNameError);
    expect(() => toPubNubChannel(undefined as unknown as string)).toThrow(
      /non-empty string/,
    );
    expect(() => toPubNubChannel("resources/\ud800")).toThrow(/surrogate/);
  });

  it("should refuse namespaces that would break the mapping", () => {
    for (const namespace of ["", "a.b", "a/b", "a b", "ü"]) {
      expect(() => toPubNubChannel("resources/posts", namespace)).toThrow(
        ChannelNameError,
      );
    }
  });
});

describe("fromPubNubChannel()", () => {
  it.each(awkward)("should round-trip %j", (channel) => {
    expect(fromPubNubChannel(toPubNubChannel(channel))).toBe(channel);
    expect(fromPubNubChannel(toPubNubChannel(channel, "ns"), "ns")).toBe(
      channel,
    );
  });

  it("should refuse names the mapping never produces", () => {
    for (const name of ["a.b.c", "a~2e", "a~ZZ", "a~FF", "a b", "", "a~2"]) {
      expect(() => fromPubNubChannel(name)).toThrow(ChannelNameError);
    }
    expect(() => fromPubNubChannel("other.resources.posts", "acme")).toThrow(
      /namespace "acme"/,
    );
  });
});

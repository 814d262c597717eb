import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { toPubNubChannel } from "@refinedev/pubnub";
import { describe, expect, it } from "vitest";

// docs/security.md tells backends in other languages how to map channels,
// with a Python version. It must agree with the provider.
const guide = readFileSync(
  new URL("../docs/security.md", import.meta.url),
  "utf8",
);
const indented = /```python\n([\s\S]*?)```/.exec(guide)?.[1] ?? "";
const indent = Math.min(
  ...indented
    .split("\n")
    .filter(Boolean)
    .map((line) => /^ */.exec(line)?.[0].length ?? 0),
);
const python = indented
  .split("\n")
  .map((line) => line.slice(indent))
  .join("\n");

const channels = [
  "resources/posts",
  "resources/v1.posts",
  "resources/v1/posts/7",
  "resources/blog posts",
  "a,b:c*d\\e~f",
  "tab\tand\u00a0nbsp\u3000wide\u2028line",
  "resources/статьи 記事 🎉",
  "no-slash",
  "/",
];

describe("the Python channel mapping in docs/security.md", () => {
  it("should map every channel as toPubNubChannel does", () => {
    expect(python).toContain("def to_pubnub_channel");
    const script = `${python}\nimport json, sys\nprint(json.dumps([to_pubnub_channel(c, n) for c, n in json.load(sys.stdin)]))`;
    const cases = channels.flatMap((channel) => [
      [channel, null],
      [channel, "acme"],
    ]);
    const output = execFileSync("python3", ["-c", script], {
      input: JSON.stringify(cases),
      encoding: "utf8",
    });
    expect(JSON.parse(output)).toEqual(
      cases.map(([channel, namespace]) =>
        toPubNubChannel(
          channel as string,
          (namespace as string | null) ?? undefined,
        ),
      ),
    );
  });
});

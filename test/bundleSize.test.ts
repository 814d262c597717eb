import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Runs against dist/: `npm test` builds before the unit tests.
const run = (...args: string[]) =>
  promisify(execFile)("node", ["scripts/bundle-size.mjs", "--check", ...args])
    .then(({ stdout }) => ({ code: 0, stdout, stderr: "" }))
    .catch((error: { code: number; stdout: string; stderr: string }) => error);

describe("bundle-size budgets", () => {
  it("should pass within the budgets and fail, naming the entry, when one is exceeded", async () => {
    const within = await run();
    expect(within.code).toBe(0);
    expect(within.stdout).toMatch(/bundle sizes within budget/);

    const over = await run("--budget", ".=2000");
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(
      /@refinedev\/pubnub is \d+ B gzipped, over its 2000 B budget/,
    );
  });

  it("should refuse a budget for an entry that does not exist", async () => {
    const wrong = await run("--budget", "./nope=100");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--budget takes ENTRY=BYTES/);
  });
});

import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// Runs against dist/: `npm test` builds before the unit tests.
interface SizeCheck {
  name: string;
  passed: boolean;
  size: number;
  sizeLimit: number;
}

async function sizeChecks(): Promise<SizeCheck[]> {
  const { stdout } = await promisify(execFile)("npx", ["size-limit", "--json"]);
  return JSON.parse(stdout);
}

async function mainEntry(env: string): Promise<string> {
  const result = await build({
    entryPoints: ["dist/index.js"],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "silent",
    external: ["pubnub", "@refinedev/core", "react"],
    define: { "process.env.NODE_ENV": JSON.stringify(env) },
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("bundle size", () => {
  it("should budget every public entry's production build, and the main one's development build", async () => {
    const { exports } = JSON.parse(readFileSync("package.json", "utf8"));
    const entries = Object.keys(exports)
      .filter((entry) => !/testing\/|package\.json/.test(entry))
      .map((entry) => `@refinedev/pubnub${entry.slice(1)} (production)`);
    const checks = await sizeChecks();
    const names = checks.map((check) => check.name);
    expect(names).toEqual(expect.arrayContaining(entries));
    expect(names).toContain("@refinedev/pubnub (development)");
    expect(names).toContain("{ liveProvider } only (production)");
    for (const check of checks) {
      expect(check.size, check.name).toBeGreaterThan(0);
      expect(check.size, check.name).toBeLessThanOrEqual(check.sizeLimit);
    }
  }, 60_000);

  it("should leave the long messages out of production builds only", async () => {
    const text = "needs a PubNub client: `new PubNub(";
    const [production, development] = await Promise.all([
      mainEntry("production"),
      mainEntry("development"),
    ]);
    expect(development).toContain(text);
    expect(production).not.toContain(text);
    expect(production).not.toContain("The events missed meanwhile follow");
    expect(production.length).toBeLessThan(development.length * 0.9);
  });
});

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

describe("scripts that need a system package", () => {
  it("should say how to install Chromium instead of installing it", async () => {
    const failed = await promisify(execFile)(
      "node",
      ["scripts/ensure-chromium.mjs"],
      { env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" } },
    ).catch((error: { code: number; stderr: string }) => error);
    expect("code" in failed && failed.code).toBe(1);
    expect("stderr" in failed && failed.stderr).toContain(
      "apt-get update && apt-get install -y chromium",
    );
    expect("stderr" in failed && failed.stderr).toContain("CHROMIUM_PATH");
  });
});

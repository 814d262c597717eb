import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { missingOptionalPackages } from "../scripts/check-lockfile.mjs";

const lockWith = (packages: Record<string, unknown>) => ({
  lockfileVersion: 3,
  packages: { "": { name: "app" }, ...packages },
});

describe("check-lockfile", () => {
  it("should find optional platform packages missing at any depth", () => {
    const lock = lockWith({
      "node_modules/tool": {
        optionalDependencies: { "tool-linux": "1.0.0", "tool-darwin": "1.0.0" },
      },
      "node_modules/tool-linux": { version: "1.0.0" },
      "node_modules/a/node_modules/tool": {
        optionalDependencies: { "tool-win": "2.0.0", "tool-linux": "2.0.0" },
      },
      "node_modules/a/node_modules/tool-win": { version: "2.0.0" },
    });
    expect(missingOptionalPackages(lock)).toEqual([
      { from: "node_modules/tool", name: "tool-darwin", wanted: "1.0.0" },
    ]);
  });

  it("should pass on this repository's lockfile and fail, naming what to do, on an incomplete one", async () => {
    const run = (...args: string[]) =>
      promisify(execFile)("node", ["scripts/check-lockfile.mjs", ...args])
        .then(({ stdout }) => ({ code: 0, stdout, stderr: "" }))
        .catch(
          (error: { code: number; stdout: string; stderr: string }) => error,
        );
    expect((await run()).code).toBe(0);

    const file = join(mkdtempSync(join(tmpdir(), "lock-")), "lock.json");
    const lock = lockWith({
      "node_modules/@biomejs/biome": {
        optionalDependencies: { "@biomejs/cli-darwin-arm64": "9.9.9" },
      },
    });
    writeFileSync(file, JSON.stringify(lock));
    const failed = await run(file);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      "@biomejs/cli-darwin-arm64@9.9.9 (optional dependency of node_modules/@biomejs/biome)",
    );
    expect(failed.stderr).toMatch(/npm ci` fails on a fresh clone/);
  });
});

// The browser tests drive Debian's Chromium (no browser downloads): says
// how to install it when it is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { missingSystemPackage } from "./missingSystemPackage.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  missingSystemPackage(
    "chromium",
    "the browser tests and the demo",
    "or set CHROMIUM_PATH to a Chromium or Chrome binary",
  );
}
console.log(execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim());

// The browser tests drive Debian's Chromium (no browser downloads). Installs
// it with apt when it is missing and this process may (root).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { aptInstall } from "./aptInstall.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  aptInstall("chromium", "the browser tests", "or set CHROMIUM_PATH");
}
console.log(execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim());

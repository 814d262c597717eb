// Installs a Debian package with apt, for the scripts that need a system
// tool (Chromium, ffmpeg) and run where no download of it is possible.
import { execFileSync } from "node:child_process";

/**
 * Installs Debian's `name`, or exits with what to do when this process may
 * not (not root). `hint` tells the other way out, e.g. an env variable.
 */
export function aptInstall(name, purpose, hint = "") {
  if (process.getuid?.() !== 0) {
    console.error(
      `${name} is missing. Install Debian's package (sudo apt-get install ${name})${hint ? ` ${hint}` : ""}, then run this again.`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian's ${name} for ${purpose}…`);
  const apt = {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  };
  execFileSync("apt-get", ["update", "-qq"], apt);
  execFileSync("apt-get", ["install", "-y", "-qq", name], apt);
}

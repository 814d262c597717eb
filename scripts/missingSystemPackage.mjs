// Scripts that need a system tool (Chromium, ffmpeg) say what is missing
// and how to install it; they install nothing by themselves.

/** Exits with what to install when Debian's `name` is missing. */
export function missingSystemPackage(name, purpose, hint = "") {
  console.error(
    `${name} is missing: ${purpose} need it. Install Debian's package (as root: apt-get update && apt-get install -y ${name})${hint ? `, ${hint}` : ""}, then run this again.`,
  );
  process.exit(1);
}

// Packs the package as npm would publish it, installs the tarball into a
// fresh consumer project, and imports it from ESM and CommonJS.
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const consumer = mkdtempSync(join(tmpdir(), "refine-pubnub-consumer-"));
const run = (command, args, cwd = consumer) =>
  execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

try {
  const [{ filename, files }] = JSON.parse(
    run("npm", ["pack", "--json", "--pack-destination", consumer], root),
  );
  const packed = files.map((file) => file.path);
  for (const forbidden of ["test/", "scripts/", ".ci/", "examples/"]) {
    if (packed.some((path) => path.startsWith(forbidden))) {
      throw new Error(`the package ships ${forbidden}`);
    }
  }
  const target = join(consumer, "node_modules", "@refinedev", "pubnub");
  mkdirSync(target, { recursive: true });
  run("tar", [
    "-xzf",
    join(consumer, filename),
    "-C",
    target,
    "--strip-components=1",
  ]);
  // Peers come from this repository's install: the check must work offline.
  for (const peer of [
    "pubnub",
    "@refinedev/core",
    "react",
    "msw",
    "react-dom",
    "@tanstack/react-query",
  ]) {
    mkdirSync(join(consumer, "node_modules", peer, ".."), { recursive: true });
    symlinkSync(
      join(root, "node_modules", peer),
      join(consumer, "node_modules", peer),
    );
  }
  const exercise = `
    const network = new MemoryNetwork();
    const provider = liveProvider(new MemoryPubNub({ network }), { releaseDelay: 0 });
    const received = [];
    provider.subscribe({ channel: "resources/posts", types: ["*"], callback: (e) => received.push(e) });
    network.publish(toPubNubChannel("resources/posts"), { type: "updated", payload: { ids: [1] } });
    network.flush().then(() => {
      if (received.length !== 1 || !(received[0].date instanceof Date)) throw new Error("no event");
      console.log(FORMAT + " ok");
    });`;
  writeFileSync(
    join(consumer, "esm.mjs"),
    `import { liveProvider, toPubNubChannel } from "@refinedev/pubnub";
     import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
     import { pubnubHandlers } from "@refinedev/pubnub/testing/msw";
     import { useConnectionState } from "@refinedev/pubnub/react";
     import { publishLiveEvent, grantLiveToken } from "@refinedev/pubnub/server";
     if (typeof publishLiveEvent !== "function" || typeof grantLiveToken !== "function") throw new Error("server entry");
     if (typeof useConnectionState !== "function") throw new Error("react entry");
     import { startEmulatorServer } from "@refinedev/pubnub/testing/server";
     if (pubnubHandlers().length !== 1 || typeof startEmulatorServer !== "function") throw new Error("testing entries");
     const FORMAT = "esm"; ${exercise}`,
  );
  writeFileSync(
    join(consumer, "cjs.cjs"),
    `const { liveProvider, toPubNubChannel } = require("@refinedev/pubnub");
     const { MemoryNetwork, MemoryPubNub } = require("@refinedev/pubnub/testing");
     const { pubnubHandlers } = require("@refinedev/pubnub/testing/msw");
     if (typeof require("@refinedev/pubnub/react").useConnectionState !== "function") throw new Error("react entry");
     const { startEmulatorServer } = require("@refinedev/pubnub/testing/server");
     if (pubnubHandlers().length !== 1 || typeof startEmulatorServer !== "function") throw new Error("testing entries");
     const FORMAT = "cjs"; ${exercise}`,
  );
  for (const file of ["index.js", "index.cjs", "testing.js", "testing.cjs"]) {
    const code = readFileSync(join(target, "dist", file), "utf8");
    if (/from\s*["']react["']|require\(["']react["']\)/.test(code)) {
      throw new Error(`dist/${file} imports React; only the ./react entry may`);
    }
  }
  const help = run("node", [join(target, "dist", "cli.js"), "--help"]);
  if (!help.includes("Usage: refine-pubnub-emulator"))
    throw new Error("the bin does not run");
  process.stdout.write(run("node", ["esm.mjs"]));
  process.stdout.write(run("node", ["cjs.cjs"]));
  console.log(`package check passed: ${filename}, ${packed.length} files`);
} finally {
  rmSync(consumer, { recursive: true, force: true });
}

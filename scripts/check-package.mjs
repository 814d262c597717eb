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

/** `file` and every dist module it loads through relative imports. */
function withLocalImports(dist, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, file), "utf8");
  const local = /(?:from\s*|require\()["']\.\/([^"']+)["']/g;
  for (const [, imported] of code.matchAll(local)) {
    withLocalImports(dist, imported, seen);
  }
  return seen;
}
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
  // One class per concept across entries: shared chunks, not copies.
  const identity = `
    const same = (what, ...values) => {
      if (values.some((value) => typeof value !== "function" || value !== values[0])) {
        throw new Error(FORMAT + ": " + what + " differs between entries");
      }
    };
    same("PublishError", main.PublishError, server.PublishError);
    same("ChannelNameError", main.ChannelNameError, server.ChannelNameError);
    same("toPubNubChannel", main.toPubNubChannel, server.toPubNubChannel);
    same("PubNubEmulator", testing.PubNubEmulator, msw.PubNubEmulator);
    let presenceThrew;
    try { presence.toPresenceChannel({ resource: "" }); } catch (error) { presenceThrew = error; }
    if (!(presenceThrew instanceof main.ChannelNameError)) {
      throw new Error(FORMAT + ": a ./presence error is not instanceof the main entry's ChannelNameError");
    }
    if (typeof presence.presenceOf(liveProvider(new MemoryPubNub({ network: new MemoryNetwork() }))).enter !== "function") {
      throw new Error(FORMAT + ": presenceOf() does not know a main-entry provider");
    }
    // ./react-query must see the main entry's deliveries: one shared module.
    const passedThrough = [];
    const queryClient = reactQuery.withLiveInvalidation({
      invalidateQueries: async (...args) => { passedThrough.push(args); },
      getQueryCache: () => ({ findAll: () => [], subscribe: () => () => {} }),
    });
    const checkServerErrors = async () => {
      const thrown = await server.publishLiveEvent({ publish: async () => ({}) }, { type: "x" }).catch((error) => error);
      if (!(thrown instanceof main.PublishError && thrown instanceof main.PubNubLiveError)) {
        throw new Error(FORMAT + ": a ./server error is not instanceof the main entry's PublishError");
      }
      const started = await testServer.startEmulatorServer({ port: 0 });
      await started.close();
      if (!(started.emulator instanceof testing.PubNubEmulator)) {
        throw new Error(FORMAT + ": ./testing/server's emulator is not a ./testing PubNubEmulator");
      }
    };`;
  const exercise = `
    const network = new MemoryNetwork();
    const provider = liveProvider(new MemoryPubNub({ network }), { releaseDelay: 0 });
    const received = [];
    provider.subscribe({ channel: "resources/posts", types: ["*"], callback: (e) => {
      received.push(e);
      queryClient.invalidateQueries({ queryKey: ["posts"], type: "active", refetchType: "active" });
    } });
    network.publish(toPubNubChannel("resources/posts"), { type: "updated", payload: { ids: [1] } });
    network.flush().then(checkServerErrors).then(() => {
      if (received.length !== 1 || !(received[0].date instanceof Date)) throw new Error("no event");
      if (passedThrough.length !== 0) throw new Error(FORMAT + ": ./react-query does not see the main entry's live deliveries");
      console.log(FORMAT + " ok, one class per concept across entries");
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
     import * as main from "@refinedev/pubnub";
     import * as server from "@refinedev/pubnub/server";
     import * as testing from "@refinedev/pubnub/testing";
     import * as msw from "@refinedev/pubnub/testing/msw";
     import * as presence from "@refinedev/pubnub/presence";
     import * as reactQuery from "@refinedev/pubnub/react-query";
     import * as testServer from "@refinedev/pubnub/testing/server";
     const FORMAT = "esm"; ${identity} ${exercise}`,
  );
  writeFileSync(
    join(consumer, "cjs.cjs"),
    `const { liveProvider, toPubNubChannel } = require("@refinedev/pubnub");
     const { MemoryNetwork, MemoryPubNub } = require("@refinedev/pubnub/testing");
     const { pubnubHandlers } = require("@refinedev/pubnub/testing/msw");
     if (typeof require("@refinedev/pubnub/react").useConnectionState !== "function") throw new Error("react entry");
     const { startEmulatorServer } = require("@refinedev/pubnub/testing/server");
     if (pubnubHandlers().length !== 1 || typeof startEmulatorServer !== "function") throw new Error("testing entries");
     const main = require("@refinedev/pubnub");
     const server = require("@refinedev/pubnub/server");
     const testing = require("@refinedev/pubnub/testing");
     const msw = require("@refinedev/pubnub/testing/msw");
     const presence = require("@refinedev/pubnub/presence");
     const reactQuery = require("@refinedev/pubnub/react-query");
     const testServer = require("@refinedev/pubnub/testing/server");
     const FORMAT = "cjs"; ${identity} ${exercise}`,
  );
  for (const file of [
    "index.js",
    "index.cjs",
    "presence.js",
    "presence.cjs",
    "react-query.js",
    "react-query.cjs",
    "testing.js",
    "testing.cjs",
  ]) {
    for (const module of withLocalImports(join(target, "dist"), file)) {
      const code = readFileSync(join(target, "dist", module), "utf8");
      if (
        /from\s*["'](react|@tanstack\/[^"']+)["']|require\(["'](react|@tanstack\/[^"']+)["']\)/.test(
          code,
        )
      ) {
        throw new Error(
          `dist/${module} (loaded by dist/${file}) imports React or TanStack Query; only the ./react entry may import React, and no entry imports TanStack`,
        );
      }
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

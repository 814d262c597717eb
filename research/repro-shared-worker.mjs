// A bare page, without this package, that shows pubnub's SharedWorker
// (`subscriptionWorkerUrl`) losing a subscription change: channel `a` is
// subscribed, then `b` around the moment the first handshake completes.
// Without the worker both messages arrive; with pubnub's worker as shipped
// the `b` change is lost (within 50 ms of the client's previous subscribe
// request, see examples/posts/scripts/pubnubWorker.mjs); with the example's
// fixed worker both arrive again. Runs the installed pubnub's web build
// against the emulator server in Debian's Chromium, 127.0.0.1 only.
//
//   npm run build && node research/repro-shared-worker.mjs [runs] [when]
//
// `when` is the ms between the two subscribes (default 100), or
// `connected[+ms]` to subscribe `b` that long after `a`'s PNConnectedCategory
// (`connected` alone: at once, the worst case measured).

import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { startEmulatorServer } from "../dist/testing/server.js";
import {
  patchedPubNubWorker,
  unpatchedPubNubWorker,
} from "../examples/posts/scripts/pubnubWorker.mjs";
import { CHROMIUM } from "../scripts/ensure-chromium.mjs";

const runs = Number(process.argv[2] ?? 5);
const when = process.argv[3] ?? "100";
const afterConnected = when.startsWith("connected")
  ? Number(when.slice("connected+".length) || 0)
  : undefined;
const gap = afterConnected === undefined ? Number(when) : undefined;
const web = join(
  dirname(createRequire(import.meta.url).resolve("pubnub/package.json")),
  "dist/web",
);

const page = (origin, worker) => `<!doctype html><meta charset="utf-8">
<link rel="icon" href="data:,"><script src="/pubnub.js"></script><script>
window.seen = [];
const pubnub = new PubNub({
  subscribeKey: "sub-c-repro", publishKey: "pub-c-repro", userId: "alice",
  origin: ${JSON.stringify(origin)}, ssl: false, enableEventEngine: true,
  ${worker ? 'subscriptionWorkerUrl: "/pubnub.worker.js",' : ""}
});
let subscribedB = false;
const subscribeB = () => {
  if (subscribedB) return;
  subscribedB = true;
  pubnub.channel("b").subscription().subscribe();
};
pubnub.addListener({
  status: (s) => {
    seen.push(s.category);
    if (s.category === "PNConnectedCategory" && ${afterConnected !== undefined}) {
      setTimeout(subscribeB, ${afterConnected ?? 0});
    }
  },
  message: (m) => seen.push("message " + m.channel),
});
pubnub.channel("a").subscription().subscribe();
if (${gap !== undefined}) setTimeout(subscribeB, ${gap ?? 0});
</script>`;

/** The ways a run loads the page: no worker, pubnub's, the fixed one. */
const MODES = {
  "no worker": undefined,
  "pubnub's worker": unpatchedPubNubWorker,
  "fixed worker": patchedPubNubWorker,
};

function serve(origin, mode) {
  const workerSource = MODES[mode];
  const files = {
    "/pubnub.js": () => readFileSync(join(web, "pubnub.js")),
    "/pubnub.worker.js": workerSource,
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://127.0.0.1").pathname;
    const type = path === "/" ? "text/html" : "text/javascript";
    response.setHeader("content-type", type);
    if (path === "/") return response.end(page(origin, Boolean(workerSource)));
    if (!files[path]) response.statusCode = 404;
    response.end(files[path]?.() ?? "");
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(server)),
  );
}

async function once(browser, emulatorServer, mode) {
  const origin = emulatorServer.origin.replace(/^https?:\/\//, "");
  const server = await serve(origin, mode);
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    emulatorServer.emulator.publish("a", { n: 1 });
    emulatorServer.emulator.publish("b", { n: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return await tab.evaluate(() => window.seen);
  } finally {
    await context.close();
    server.close();
  }
}

const emulatorServer = await startEmulatorServer({ port: 0 });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  for (const mode of Object.keys(MODES)) {
    let complete = 0;
    for (let run = 1; run <= runs; run++) {
      const seen = await once(browser, emulatorServer, mode);
      const got = seen.filter((entry) => entry.startsWith("message")).length;
      if (got === 2) complete++;
      console.log(`${mode} run ${run}: ${seen.join(", ") || "nothing"}`);
    }
    console.log(`${mode}: ${complete}/${runs} runs got both messages\n`);
  }
} finally {
  await browser.close();
  await emulatorServer.close();
}

// Writes BENCHMARKS.md from the numbers the benchmarks recorded in
// .tmp/bench/, with the machine and versions they ran on.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

const read = (name) =>
  JSON.parse(readFileSync(`.tmp/bench/${name}.json`, "utf8"));
const version = (name) =>
  JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).version;

function table(rows) {
  const columns = Object.keys(rows[0] ?? {});
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [
    line(columns),
    line(columns.map(() => "---")),
    ...rows.map((row) =>
      line(columns.map((column) => String(row[column] ?? ""))),
    ),
  ].join("\n");
}

// size-limit's checks (`.size-limit.js`), then the breakdown and context.
const sizes = read("size").map(({ name, size: gzipped, sizeLimit }) => ({
  entry: name,
  gzipped,
  budget: sizeLimit,
}));
const { context, modules } = read("size-breakdown");
const main = sizes[0];
const sdk = context.find((row) => row.entry.startsWith("pubnub"));
const sections = [
  [
    "1. Dispatch cost",
    "Messages handed straight to the provider's channel listener (no SDK, no network), at most 100 per tick as in one PubNub response, and delivered to refine callbacks event by event (`coalesce: false`: merging only makes fewer events), against a floor: a bare loop that builds one event per message and calls the same callbacks. Median of 7 rounds, run alternately. The provider validates every message (JSON shape, `__proto__` keys, date), filters per subscriber and guards each callback; the floor does none of that. With callbacks that only count, the ratio is the provider's whole per-event cost against an empty callback (2–3 µs per message with 10 subscribers, about 1 µs before messages were held to the end of their tick for coalescing). The last row gives each callback what refine's `liveMode: \"auto\"` does with an event, invalidating a resource's queries in a real `QueryClient` (20 cached queries): there the provider takes about 1.3× the floor. Cost per callback stays flat when subscriptions grow across channels (10,000 over 1,000 channels ≈ 1,000 over 100) and depends on the subscribers of the channel that got the message.",
    table(read("dispatch")),
  ],
  [
    "2. Subscription churn",
    "A `<StrictMode>` page with 20 live hooks over 5 resources (`useList` ×2, `useOne`, `useMany` each), real refine 5 and the real SDK through the emulator (msw): mount, navigate away, come back 200 ms later. Counted: `Subscription.subscribe()` / `unsubscribe()` calls on the SDK and the HTTP requests the SDK made. The naive port (one SDK subscription per hook, as refine's Ably provider does) also never sends a `leave`: pubnub 12 leaks channels that two Subscription objects shared.",
    table(read("churn")),
  ],
  [
    "3. Latency",
    "Publish → callback through the emulator (msw, in-process) with the real SDK: the provider's callback on one client against a bare `Subscription.onMessage` on another client, for the same 300 messages sent one at a time. The ratio is the provider's overhead; below 1 means noise larger than the overhead.",
    table(read("latency")),
  ],
  [
    "4. Memory",
    "100,000 subscribe/unsubscribe cycles over 100 channels on `MemoryPubNub` (`releaseDelay: 0`), then the release timers run and GC. The provider holds no channel afterwards; the heap growth shown is what 100,000 cycles left behind in all (JIT code and caches included), a few bytes per cycle.",
    table(read("memory")),
  ],
  [
    "5. Bundle size",
    `Measured by size-limit (\`.size-limit.js\`, \`npm run test:size\`, part of \`npm test\`): each entry bundled with esbuild, ESM, peers external (\`pubnub\`, \`@refinedev/core\`, \`react\`, \`msw\`), minified and gzipped at level 9, the way an app's bundler ships it. "production" is a build where the bundler sets \`process.env.NODE_ENV\` to \`"production"\` (Vite, webpack, Next.js and Rollup's replace do): error messages shrink to their category, reason and README section, every typed field stays. "development" keeps the long messages. \`{ liveProvider } only\` is what an app that imports just the provider ships. \`npm test\` fails when a check exceeds its budget.

**The main entry.** It holds what every path needs: channel mapping, wire-format validation, the size guard, the shared channel registry, one live session per client (echo suppression, one status listener, newest-provider callbacks), a class per error category, guarded user callbacks, both subscribe loops of pubnub 8–12, and reconnect/resync/token refresh on by default. Issue #23 moved the long messages into development builds: the production main entry went from 7,619 B to about 6,150 B. Its target was 5,300 B; the messages turned out to be about 1.6 KB of gzip, not the 2.3 KB estimated from their minified share (text compresses better than code). It is ${Math.round((main.gzipped / sdk.gzipped) * 100)} % of the PubNub SDK every user of this package already ships. The first table has the checks, the second the context (refine's Ably provider, a 50-line adapter without validation, errors, reconnects or resync, and the PubNub SDK as a browser bundler includes it), the third what the production main entry's bytes are made of (minified, before gzip).`,
    `${table(sizes)}\n\n${table(context)}\n\n${table(modules)}`,
  ],
  [
    "6. Presence",
    `Through the emulator (msw, long-polls held 280 s as PubNub does) with the real SDK and \`presenceTimeout: 20\` (a heartbeat every 9 s). First table: requests one client makes to enter and watch 1 or 10 records, as \`usePresence\` does. In the first 5 s each record costs two here-nows: the access check, which also gives the member list, and a second one 3.5 s later that covers here-now's 3 s cache. It also costs two set-states: the client's own join can reach PubNub before its state, so the state is sent again when the join shows up without it (sending it before subscribing would save one, but pubnub 8–10's older loop would then lose it). Then come the subscribe and heartbeat requests. After that, one heartbeat covers every channel: the rate per minute does not grow with the records. Second table: how long a watcher takes to see a join and a leave, \`watch\` against a raw \`onPresence\` listener on another client, medians of 15. A join costs what the raw event costs. A leave is held 2 s on purpose, so that a user whose other tab stays (the tab joins again) does not blink out.`,
    `${table(read("presence-requests"))}\n\n${table(read("presence-latency"))}`,
  ],
  [
    "7. Refetches per live event",
    `Reads of the data provider (each answer takes 45–80 ms, and reads the data halfway) after live events, on a page with N live hooks of \`posts\` (\`useList\` page 1, \`useOne\`, \`useList\` page 2, \`useMany\`, \`useTable\`: N = 1, 2 or 5 of them), real refine, the real SDK through the emulator, \`liveMode: "auto"\`. Every event changes the API's data first. Three cases, one after another on the same page: one event (and how long after it the first read started: no debounce); 10 events that reach the client in one long-poll response (a bulk update); 10 events 20 ms apart. A fourth on a fresh page whose API answers in 80 ms: 2 events 50 ms apart, so the second comes after the first fetch read the API ("overlap"). "Stale after" names the cases after which some hook showed data older than the API's once everything settled. The naive port is refine's Ably provider ported to PubNub (one SDK subscription per hook); "coalesce: false" is this package before coalescing. refine 5.0.12 spreads \`cancelRefetch: false\` into the query filters, so each of the N hooks' invalidations cancels and restarts every active query: N × N reads per event. refine 4.58 passes it correctly, so invalidations join a running fetch, which leaves the page stale in the overlap case (\`test/sdk.refetch.test.tsx\` checks the helper on it). \`withLiveInvalidation\` refetches each active query the event can change once per event or burst, and once more after a fetch an event overlapped. The events here name ids only, as refine's own publishes do, so its targeting spares only the detail and many queries of other posts: fewer reads for the spread burst and the overlap than before targeting (25 and 10 with 5 hooks on refine 5), not for one event.`,
    `${table(read("refetch-refine5"))}\n\n${table(read("refetch-refine4"))}`,
  ],
  [
    "8. A fleet's reads per event",
    `200 clients on one \`MemoryNetwork\`, each with a real TanStack \`QueryClient\` holding refine 5-shaped queries of \`posts\` (200 posts, half of them drafts): a list page of 10 (pages 1 to 20 in turn; every 5th client filters by \`status\`, every 7th sorts by \`title\`) and, for every 4th client, a detail page: 250 active queries. Each query has its live subscriber, and each subscriber does what refine's \`liveMode: "auto"\` does: invalidate the resource's active queries. Counted: reads of the API after one event, once all settled. "showing" is the clients that show the event's record (before the change). The subscribers invalidate as refine 4 does (\`cancelRefetch: false\` kept; refine 5.0.12 loses it, section 7, which would raise "none"). Columns: refine's default (no helper), \`withLiveInvalidation\` with \`targeted: false\` (the helper before targeting) and the targeted helper (the default). Only a backend's event that names its \`changed\` fields spares lists: an update that touches no sort or filter field costs at most the clients that show the record. The fleet is built by \`bench/fleetModel.ts\`, which section 9 shares.`,
    table(read("fleet")),
  ],
  [
    "9. A fleet after an outage",
    `The fleet of section 8 on 200 real pubnub clients (event engine, \`NoneRetryPolicy\`, so each outage is reported at once) through the emulator behind msw, which keeps PubNub's catch-up queue (100 messages, 20 minutes). Every client loses its connection at the same moment (each held long-poll answers 502), a backend publishes \`updated\` events with \`changed: ["body"]\` meanwhile, and the provider reconnects (default \`reconnectDelay\`, about 1 s ± 20 %). First 5 events are missed, then 150 on the same fleet (the queue keeps the newest 100, so the catch-up reaches \`catchUpLimit\`). Counted until all settled: reads of the API, resync events delivered to subscribers, and the most reads within any one second (a sliding window). "before" is the provider as it was: a resync after every outage, at once (\`catchUpLimit: 0, resyncJitter: 0\`), and the caught-up events delivered too. "quiet reconnect" is the default: after 5 missed events the fleet reads what they target and gets no resync; after 150 it gets one resync per subscriber instead of the events, each client at a random moment within \`resyncJitter\` (3 s). Independent random moments do not spread evenly: with 250 reads over 3 s the busiest second (a sliding window) holds 20 to 40 % more than the average of the "for reference" row, varying from run to run, and less as fleets grow; a hard cap would need the clients to coordinate. "before" reads everything at once (its peak is the whole fleet, up to the reconnect delays' ± 20 %).`,
    table(read("fleet-outage")),
  ],
];

const cpu = cpus()[0]?.model ?? "unknown CPU";
const header = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Versions: pubnub ${version("pubnub")}, @refinedev/core ${version("@refinedev/core")}, msw ${version("msw")}, react ${version("react")}.

These machines are noisy: compare the ratios in a run, not absolute numbers across runs.
`;
const body = sections
  .map(([title, text, rows]) => `## ${title}\n\n${text}\n\n${rows}\n`)
  .join("\n");
writeFileSync("BENCHMARKS.md", `${header}\n${body}`);
console.log(`${header}\n${body}`);

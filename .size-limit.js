// Budgets for `npm run test:size` (size-limit): what an app ships for each
// entry, peers external, minified and gzipped (level 9). Budgets are
// targets, not a ratchet: raise one only with the reason in the change.
// Issue 23 set them from the measured sizes; issue 24's `changed`/`data`
// wire fields (coalescing, the size guard, publishLiveEvent's checks) added
// about 60 B to the main entry and 110 B to ./server; its targeted refetch
// (judging each query from its key and the event) about 870 B to
// ./react-query, which only apps that opt into the helper ship. Its quiet
// reconnect (the resync planner, the cursor kept across reconnects, the
// burst count, three validated options) added about 550 B to the main entry:
// it is the core's job, every live app needs it. `applyData` (detail
// queries updated in place from an event's record) about 240 B to
// ./react-query. Issue 25's browsers that only listen (`publishFrom`, the
// silent publish of a client without a publish key, `provider.senderId`)
// about 90 B to the main entry; the emulator's tokens in PubNub's format
// (a small CBOR encoder, which the SDK's SharedWorker needs) about 310 B to
// ./testing, which only tests load.
const PEERS = ["pubnub", "@refinedev/core", "react", "msw", "node:*"];

/** A check of `path` built as `env` ("production" or "development"). */
function check(name, path, limit, env = "production", extra = {}) {
  return {
    name: `${name} (${env})`,
    path,
    limit,
    gzip: true,
    ignore: PEERS,
    modifyEsbuildConfig: (config) => ({
      ...config,
      format: "esm",
      platform: "browser",
      logLevel: "error",
      define: { "process.env.NODE_ENV": JSON.stringify(env) },
    }),
    ...extra,
  };
}

export default [
  check("@refinedev/pubnub", "dist/index.js", "7000 B"),
  check("@refinedev/pubnub", "dist/index.js", "8850 B", "development"),
  check("{ liveProvider } only", "dist/index.js", "6700 B", "production", {
    import: "{ liveProvider }",
  }),
  check("@refinedev/pubnub/react", "dist/react.js", "3500 B"),
  check("@refinedev/pubnub/presence", "dist/presence.js", "3200 B"),
  check("@refinedev/pubnub/react-query", "dist/react-query.js", "1900 B"),
  check("@refinedev/pubnub/server", "dist/server.js", "2200 B"),
  check("@refinedev/pubnub/testing", "dist/testing.js", "7000 B"),
];

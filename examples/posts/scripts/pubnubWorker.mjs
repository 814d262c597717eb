// PubNub's SharedWorker (`subscriptionWorkerUrl`), read from the installed
// pubnub package so it always matches the SDK, with one fix.
//
// The bug (pubnub 12.0.3 and the source on its main branch): the worker
// batches each client's subscribe requests for 50 ms, and
// `SubscriptionStateChange.squashedChanges` then keeps the *oldest* request
// of a client instead of the newest. A subscription change made within
// 50 ms of the client's previous subscribe request (at page load, or just
// after a message restarts the long-poll) is dropped: the worker long-polls
// the old channels and the tab never hears of the new ones. The fix drops
// the older request instead. `node research/repro-shared-worker.mjs` (from
// the repository root) shows the loss, and the fix, on a bare page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const BUGGY = `if (addChangePerClient[change.clientIdentifier]) {
                    const changeIdx = sortedChanges.indexOf(change);`;
const FIXED = `if (addChangePerClient[change.clientIdentifier]) {
                    const changeIdx = sortedChanges.indexOf(addChangePerClient[change.clientIdentifier]);`;

/** The installed pubnub's worker file and version. */
function installedWorker() {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("pubnub/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8"));
  const file = join(dirname(manifest), "dist/web/pubnub.worker.js");
  return { version, source: readFileSync(file, "utf8") };
}

/**
 * The worker's source with the fix applied. Throws when the buggy lines are
 * gone (a pubnub release changed them): check whether the release fixed
 * the bug, then remove the patch or adapt it.
 */
export function patchedPubNubWorker() {
  const { version, source } = installedWorker();
  if (!source.includes(BUGGY)) {
    throw new Error(
      `pubnub ${version}'s pubnub.worker.js no longer has the lines examples/posts/scripts/pubnubWorker.mjs fixes. If this release keeps the newest subscribe request in squashedChanges, serve its worker unchanged; otherwise update the patch.`,
    );
  }
  return source.replace(BUGGY, FIXED);
}

/** The worker exactly as pubnub ships it (to show the bug). */
export function unpatchedPubNubWorker() {
  return installedWorker().source;
}

/** PubNub's SharedWorker source, with the fix described in pubnubWorker.mjs. */
export function patchedPubNubWorker(): string;
/** PubNub's SharedWorker source as the installed pubnub ships it. */
export function unpatchedPubNubWorker(): string;

import PubNub from "pubnub";

/** The SDK the tests run on, e.g. "12.0.3" (`npm run test:compat` swaps it). */
export const pubnubVersion: string = new PubNub({
  subscribeKey: "version-probe",
  userId: "version-probe",
}).getVersion();

export const pubnubMajor = Number(pubnubVersion.split(".")[0]);

type ClientOptions = Record<string, unknown>;

/** One of the SDK's subscribe loops, with the client options that pick it. */
export interface SubscribeLoop {
  name: "event-engine" | "older";
  options: ClientOptions;
}

const loops: SubscribeLoop[] = [
  { name: "event-engine", options: { enableEventEngine: true } },
  { name: "older", options: { enableEventEngine: false } },
];

const chosen = process.env.PUBNUB_SUBSCRIBE_LOOP;
if (chosen !== undefined && !loops.some(({ name }) => name === chosen)) {
  throw new Error(
    `PUBNUB_SUBSCRIBE_LOOP must be "event-engine" or "older", got "${chosen}".`,
  );
}

/** The loops to test: the one PUBNUB_SUBSCRIBE_LOOP names, else both. */
export const subscribeLoops: SubscribeLoop[] = loops.filter(
  ({ name }) => chosen === undefined || name === chosen,
);

/** Options every test client gets: the loop PUBNUB_SUBSCRIBE_LOOP names. */
export const loopOptions: ClientOptions =
  loops.find(({ name }) => name === chosen)?.options ?? {};

/**
 * Client options for an event engine that gives up at the first failure,
 * as after spent retries. pubnub 8 has no NoneRetryPolicy: it retries
 * nothing unless given a policy.
 */
export function noRetries(): ClientOptions {
  return typeof PubNub.NoneRetryPolicy === "function"
    ? { retryConfiguration: PubNub.NoneRetryPolicy() }
    : {};
}

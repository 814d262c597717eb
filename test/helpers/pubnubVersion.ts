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

/** The loop test clients run: as chosen, else the SDK's default. */
export const activeLoop: SubscribeLoop["name"] =
  (chosen as SubscribeLoop["name"] | undefined) ??
  (pubnubMajor >= 11 ? "event-engine" : "older");

/** Options every test client gets: the loop PUBNUB_SUBSCRIBE_LOOP names. */
export const loopOptions: ClientOptions =
  loops.find(({ name }) => name === chosen)?.options ?? {};

/** pubnub 8's event engine sends no heartbeat and no leave (fixed in 9.3.2). */
export function sendsPresenceCalls(loop = activeLoop): boolean {
  return !(pubnubMajor === 8 && loop === "event-engine");
}

/**
 * Client options that give up at the first failure and still name a refused
 * token: pubnub 8's event engine names a 403 only under a retry policy.
 */
export function refusalOptions(loop = activeLoop): ClientOptions {
  return pubnubMajor === 8 && loop === "event-engine"
    ? {
        retryConfiguration: PubNub.LinearRetryPolicy({
          delay: 2,
          maximumRetry: 1,
        }),
      }
    : noRetries();
}

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

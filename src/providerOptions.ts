import { assertNamespace } from "./channelName";
import type { ProviderScope } from "./channelRegistry";
import type { ClientCallbacks } from "./connection/connectionMonitor";
import type { ConnectionState } from "./connection/connectionState";
import {
  CATCH_UP_DEFAULTS,
  type CatchUpSettings,
} from "./connection/resyncPlanner";
import { isTimerDelay } from "./connection/timerDelay";
import { describeCause } from "./errors/PubNubLiveError";
import type { PubNubClient } from "./pubnubClient";
import { logError, reporterFor } from "./reporter";
import type { LiveProviderOptions } from "./types";

/**
 * A provider's options with defaults applied. Subscriber-level settings
 * ({@link ProviderScope}) go with each subscriber; client-level ones
 * ({@link ClientCallbacks}) apply while this is the newest provider.
 */
export interface ProviderSettings extends ProviderScope, ClientCallbacks {
  readonly namespace: string | undefined;
  /** `true`: `publish` does nothing, the backend publishes. */
  readonly backendPublishes: boolean;
  readonly onConnectionStateChange:
    | ((state: ConnectionState) => void)
    | undefined;
}

const CLIENT_METHODS = ["channel", "publish", "addListener"] as const;

/**
 * Checks the client and options and applies the defaults.
 *
 * @throws {TypeError} when `pubnub` is not a PubNub client
 * @throws {RangeError} for an unusable `releaseDelay`, `catchUpLimit`,
 *   `catchUpWindow` or `resyncJitter`
 * @throws {TypeError} for a `publishFrom` other than `"client"` or `"backend"`
 * @throws {ChannelNameError} for a namespace the mapping cannot carry
 */
export function resolveProviderOptions(
  pubnub: PubNubClient,
  options: LiveProviderOptions,
): ProviderSettings {
  if (CLIENT_METHODS.some((method) => typeof pubnub?.[method] !== "function")) {
    throw new TypeError(
      process.env.NODE_ENV !== "production"
        ? "liveProvider(pubnub) needs a PubNub client: `new PubNub({ subscribeKey, publishKey, userId })` from pubnub 8 to 12, or a MemoryPubNub from @refinedev/pubnub/testing in tests."
        : "liveProvider(pubnub): not a PubNub client",
    );
  }
  const { namespace, releaseDelay = 1000, publishFrom = "client" } = options;
  assertTimerDelay("releaseDelay", releaseDelay);
  if (publishFrom !== "client" && publishFrom !== "backend") {
    throw new TypeError(
      process.env.NODE_ENV !== "production"
        ? `liveProvider: publishFrom must be "client" or "backend", got ${describeCause(publishFrom)}.`
        : "liveProvider: publishFrom",
    );
  }
  if (namespace !== undefined) assertNamespace(namespace);
  return {
    ...catchUpSettings(options),
    namespace,
    backendPublishes: publishFrom === "backend",
    releaseDelay,
    ignoreOwnEvents: options.ignoreOwnEvents ?? true,
    resync: options.resync ?? true,
    coalesce: options.coalesce ?? true,
    report: reporterFor(options.onError ?? logError),
    reconnectDelay: options.reconnectDelay,
    getToken: options.getToken,
    onConnectionStateChange: options.onConnectionStateChange,
  };
}

function catchUpSettings(options: LiveProviderOptions): CatchUpSettings {
  const settings = {
    catchUpLimit: options.catchUpLimit ?? CATCH_UP_DEFAULTS.catchUpLimit,
    catchUpWindow: options.catchUpWindow ?? CATCH_UP_DEFAULTS.catchUpWindow,
    resyncJitter: options.resyncJitter ?? CATCH_UP_DEFAULTS.resyncJitter,
  };
  const { catchUpLimit } = settings;
  if (!Number.isSafeInteger(catchUpLimit) || catchUpLimit < 0) {
    throw new RangeError(
      process.env.NODE_ENV !== "production"
        ? `liveProvider: catchUpLimit must be a whole number of messages, 0 or more (0 resyncs after every outage), got ${describeCause(catchUpLimit)}.`
        : "liveProvider: catchUpLimit",
    );
  }
  assertTimerDelay("catchUpWindow", settings.catchUpWindow);
  assertTimerDelay("resyncJitter", settings.resyncJitter);
  return settings;
}

function assertTimerDelay(name: string, value: unknown): void {
  if (isTimerDelay(value)) return;
  throw new RangeError(
    process.env.NODE_ENV !== "production"
      ? `liveProvider: ${name} must be 0 to 2147483647 milliseconds, got ${describeCause(value)}.`
      : `liveProvider: ${name}`,
  );
}

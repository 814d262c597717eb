import type { LiveEvent } from "@refinedev/core";
import {
  type ConnectionState,
  type LiveProviderOptions,
  liveProvider,
  type PubNubClient,
  type PubNubLiveError,
} from "@refinedev/pubnub";

/**
 * A provider on any client (a real PubNub or a MemoryPubNub), with the
 * errors and connection states it reported, and `listen()` to subscribe a
 * recording callback. Channels are released at once unless told otherwise.
 */
export function providerHarness(
  client: PubNubClient,
  options: LiveProviderOptions = {},
) {
  const { errors, onError } = errorLog();
  const states: ConnectionState["status"][] = [];
  const provider = liveProvider(client, {
    releaseDelay: 0,
    onError,
    onConnectionStateChange: (state) => states.push(state.status),
    ...options,
  });
  const listen = (
    channel = "resources/posts",
    extra: Record<string, unknown> = {},
  ) => {
    const events: LiveEvent[] = [];
    const handle = provider.subscribe({
      channel,
      types: ["*"],
      callback: (event) => events.push(event),
      ...extra,
    });
    return { events, handle };
  };
  return { provider, errors, states, listen };
}

/** An error log, as an `onError` option. */
export function errorLog() {
  const errors: PubNubLiveError[] = [];
  return { errors, onError: (error: PubNubLiveError) => errors.push(error) };
}

/**
 * The provider's behaviour before quiet reconnect: every outage ends in a
 * resync, at once. For tests of the resync mechanism itself.
 */
export const ALWAYS_RESYNC = { catchUpLimit: 0, resyncJitter: 0 } as const;

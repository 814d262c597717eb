import type { LiveEvent } from "@refinedev/core";
import type { LiveProviderOptions } from "@refinedev/pubnub";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { providerHarness } from "./providerHarness";

/** A provider on a MemoryPubNub, with the errors it reported. */
export function memoryHarness(
  options: LiveProviderOptions & {
    network?: MemoryNetwork;
    userId?: string;
  } = {},
) {
  const { network = new MemoryNetwork(), userId, ...providerOptions } = options;
  const pubnub = new MemoryPubNub({ network, ...(userId ? { userId } : {}) });
  const { provider, errors } = providerHarness(pubnub, providerOptions);
  return { network, pubnub, provider, errors };
}

/** A callback that records the events it gets. */
export function recorder() {
  const events: LiveEvent[] = [];
  const callback = (event: LiveEvent) => {
    events.push(event);
  };
  return { events, callback };
}

/** Waits for pending timers (channel release) and deliveries. */
export async function settle(network: MemoryNetwork): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await network.flush();
}

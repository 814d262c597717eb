import type { LiveEvent } from "@refinedev/core";

let delivering: LiveEvent | undefined;

/**
 * Calls a subscriber's `callback` with `event`, so that what the callback
 * does synchronously (refine's invalidation in `liveMode: "auto"`) can tell
 * which live event caused it (see `withLiveInvalidation`).
 */
export function deliverLiveEvent(
  event: LiveEvent,
  callback: (event: LiveEvent) => void,
): void {
  const outer = delivering;
  delivering = event;
  try {
    callback(event);
  } finally {
    delivering = outer;
  }
}

/** The live event being handed to a subscriber now, if any. */
export function liveEventBeingDelivered(): LiveEvent | undefined {
  return delivering;
}

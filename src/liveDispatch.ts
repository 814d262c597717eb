let depth = 0;

/**
 * Runs `deliver` as a delivery of live events, so that what the subscribers'
 * callbacks do synchronously (refine's invalidation in `liveMode: "auto"`)
 * can be told apart from everything else (see `withLiveInvalidation`).
 */
export function dispatchingLiveEvents(deliver: () => void): void {
  depth++;
  try {
    deliver();
  } finally {
    depth--;
  }
}

/** True while the provider is handing live events to its subscribers. */
export function isDispatchingLiveEvents(): boolean {
  return depth > 0;
}

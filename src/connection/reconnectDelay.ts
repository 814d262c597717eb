import { CallbackError } from "../errors/CallbackError";
import type { LiveError } from "../errors/LiveError";
import { describeCause } from "../errors/PubNubLiveError";
import { isTimerDelay } from "./timerDelay";

/** Exponential backoff from 1 s to 30 s, with ±20 % jitter. */
export function defaultReconnectDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 30_000) * (0.8 + Math.random() * 0.4);
}

/**
 * The app's delay before reconnect `attempt`, or the default one when its
 * `reconnectDelay` throws or returns no usable number (reported).
 */
export function reconnectDelayFor(
  attempt: number,
  reconnectDelay: ((attempt: number) => number) | undefined,
  report: (error: LiveError) => void,
): number {
  if (reconnectDelay === undefined) return defaultReconnectDelay(attempt);
  try {
    const delay = reconnectDelay(attempt);
    if (isTimerDelay(delay)) return delay;
    throw new RangeError(
      process.env.NODE_ENV !== "production"
        ? `it returned ${describeCause(delay)}, not 0 to 2147483647 ms`
        : "",
    );
  } catch (cause) {
    report(new CallbackError({ reason: "reconnectDelay", cause }));
    return defaultReconnectDelay(attempt);
  }
}

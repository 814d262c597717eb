import { CallbackError } from "./errors/CallbackError";
import type { LiveError } from "./errors/LiveError";

/** Where errors go when the app passed no `onError`. */
export function logError(error: LiveError): void {
  console.error(`[@refinedev/pubnub] ${error.message}`, error);
}

/**
 * The app's `onError`, guarded: when it throws, its own failure is logged
 * (reporting it to itself could loop), and refine never sees it.
 */
export function reporterFor(
  onError: (error: LiveError) => void,
): (error: LiveError) => void {
  return (error) => {
    try {
      onError(error);
    } catch (cause) {
      logError(new CallbackError({ reason: "onError", cause }));
    }
  };
}

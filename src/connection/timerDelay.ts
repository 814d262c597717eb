/** The longest delay `setTimeout` honours, in milliseconds (2³¹ − 1). */
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** True for a number of milliseconds `setTimeout` can wait: 0 to 2³¹ − 1. */
export function isTimerDelay(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= MAX_TIMER_DELAY
  );
}

// Prints vitest's totals as one plain "N passed, N failed" line for CI.
import { readFileSync } from "node:fs";

const results = JSON.parse(readFileSync(".tmp/vitest-results.json", "utf8"));
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `vitest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`,
);
process.exitCode =
  results.numFailedTests > 0 || results.numTotalTests === 0 ? 1 : 0;

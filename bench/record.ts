import { mkdirSync, writeFileSync } from "node:fs";

/** Saves one benchmark's rows for bench/report.mjs. */
export function record(
  section: string,
  rows: Array<Record<string, unknown>>,
): void {
  mkdirSync(".tmp/bench", { recursive: true });
  writeFileSync(`.tmp/bench/${section}.json`, JSON.stringify(rows, null, 2));
  console.table(rows);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[
      Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
    ] ?? Number.NaN
  );
}

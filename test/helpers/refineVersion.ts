import type { BaseRecord } from "@refinedev/core";
import * as core from "@refinedev/core";

/**
 * refine core's major version (`npm run test:compat` swaps it): 4 still
 * exports `useResourceWithRoute`, which 5 removed.
 */
export const refineMajor = "useResourceWithRoute" in core ? 4 : 5;

/**
 * The records of a `useList` result: refine 5 returns `{ result: { data } }`,
 * refine 4 `{ data: { data } }`.
 */
export function listRecords(list: unknown): BaseRecord[] | undefined {
  const shaped = list as {
    result?: { data?: BaseRecord[] };
    data?: { data?: BaseRecord[] };
  };
  return refineMajor === 4 ? shaped.data?.data : shaped.result?.data;
}

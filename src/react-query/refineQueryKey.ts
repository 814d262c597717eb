/** What a refine data query reads, from its TanStack query key. */
export type RefineQuery =
  | { action: "list"; params: Record<string, unknown> }
  | { action: "one"; id: unknown }
  | { action: "many"; ids: unknown };

// refine 5 (and refine 4 with `useNewQueryKeys`):
//   ["data", dataProvider, resource, "list" | "infinite", params]
//   ["data", dataProvider, resource, "one", id, params]
//   ["data", dataProvider, resource, "many", ids, params]
// refine 4's legacy keys drop "data" and say "detail" and "getMany".
const ACTIONS = new Map<unknown, RefineQuery["action"]>([
  ["list", "list"],
  ["infinite", "list"],
  ["one", "one"],
  ["detail", "one"],
  ["many", "many"],
  ["getMany", "many"],
]);

/**
 * The refine query a TanStack query key stands for, or `undefined` for a
 * key of another shape (then nothing can be judged about it).
 */
export function refineQueryOf(
  queryKey: readonly unknown[],
): RefineQuery | undefined {
  const at = queryKey[0] === "data" && ACTIONS.has(queryKey[3]) ? 3 : 2;
  const action = ACTIONS.get(queryKey[at]);
  const [first, second] = queryKey.slice(at + 1);
  switch (action) {
    case "list":
      return { action, params: Object(first) };
    case "one":
      return { action, id: first };
    case "many":
      return { action, ids: Array.isArray(first) ? first : second };
    default:
      return undefined;
  }
}

import type { LiveEvent } from "@refinedev/core";
import { describe, expect, it } from "vitest";
import { queriesChangedBy } from "../../src/react-query/liveEventTargets";

const updated = (
  ids: Array<string | number> | undefined,
  changed?: unknown,
): LiveEvent => ({
  channel: "resources/posts",
  type: "updated",
  payload: { ...(ids ? { ids } : {}), ...(changed ? { changed } : {}) },
  date: new Date(),
});
const rows = (...ids: unknown[]) => ({
  data: ids.map((id) => ({ id })),
  total: 30,
});
const query = (queryKey: unknown[], data?: unknown, fetchStatus = "idle") => ({
  queryKey,
  state: { fetchStatus, data },
});
// refine 5's keys, and refine 4's legacy ones.
const list = (
  params: Record<string, unknown>,
  data: unknown = rows(11, 12),
) => [
  query(["data", "default", "posts", "list", params], data),
  query(["default", "posts", "list", params], data),
];

describe("queriesChangedBy", () => {
  it("should read a detail or many query only when it holds one of the ids", () => {
    const event = updated([1, "2"], ["title"]);
    for (const [key, expected] of [
      [["data", "default", "posts", "one", "2", {}], true],
      [["data", "default", "posts", "one", "3", {}], false],
      [["default", "posts", "detail", "1", {}], true],
      [["data", "default", "posts", "many", ["3", "1"], {}], true],
      [["default", "posts", "getMany", ["3", "4"], {}], false],
      [["data", "default", "posts", "one", undefined, {}], true],
    ] as const) {
      expect(queriesChangedBy(event)(query([...key])), String(key)).toBe(
        expected,
      );
    }
  });

  it("should spare a list that neither shows the ids nor sorts or filters by a changed field", () => {
    const params = {
      filters: [
        { field: "status", operator: "eq", value: "draft" },
        {
          operator: "or",
          value: [{ field: "author.name", operator: "contains", value: "a" }],
        },
      ],
      sorters: [{ field: "createdAt", order: "desc" }],
      pagination: { currentPage: 2, pageSize: 10 },
    };
    for (const q of list(params)) {
      expect(queriesChangedBy(updated([1], ["title"]))(q)).toBe(false);
      expect(queriesChangedBy(updated([11], ["title"]))(q)).toBe(true);
      expect(queriesChangedBy(updated([1], ["status"]))(q)).toBe(true);
      expect(queriesChangedBy(updated([1], ["author"]))(q)).toBe(true);
      expect(queriesChangedBy(updated([1], ["createdAt"]))(q)).toBe(true);
    }
    const legacySort = query(
      ["default", "posts", "list", { sort: [{ field: "title" }] }],
      rows(11),
    );
    expect(queriesChangedBy(updated([1], ["title"]))(legacySort)).toBe(true);
  });

  it("should read a list for a changed default-order field the app declared", () => {
    const [q] = list({ filters: [] });
    if (!q) throw new Error("no query");
    const event = updated([1], ["updatedAt"]);
    expect(queriesChangedBy(event)(q)).toBe(false);
    expect(queriesChangedBy(event, { defaultOrder: ["updatedAt"] })(q)).toBe(
      true,
    );
  });

  it("should read whatever it cannot judge", () => {
    const [plain] = list({});
    if (!plain) throw new Error("no query");
    const cases: Array<[string, LiveEvent, ReturnType<typeof query>]> = [
      ["no changed", updated([1]), plain],
      ["changed not a list", updated([1], "title"), plain],
      ["no ids", updated(undefined, ["title"]), plain],
      ["created", { ...updated([1]), type: "created" }, plain],
      ["deleted", { ...updated([1]), type: "deleted" }, plain],
      ["custom type", { ...updated([1], ["title"]), type: "published" }, plain],
      [
        "resync",
        { ...updated([1], ["title"]), type: "*", meta: { resync: true } },
        plain,
      ],
      [
        "full-text q",
        updated([1], ["title"]),
        list({ filters: [{ field: "q", operator: "eq", value: "x" }] })[0] ??
          plain,
      ],
      [
        "unknown operator",
        updated([1], ["title"]),
        list({ filters: [{ field: "x", operator: "near", value: 1 }] })[0] ??
          plain,
      ],
      [
        "fetching",
        updated([1], ["title"]),
        query(["data", "default", "posts", "list", {}], rows(11), "fetching"),
      ],
      [
        "no data yet",
        updated([1], ["title"]),
        query(["data", "default", "posts", "list", {}]),
      ],
      [
        "rows without id",
        updated([1], ["title"]),
        query(["data", "default", "posts", "list", {}], {
          data: [{ title: "a" }],
        }),
      ],
      [
        "another key shape",
        updated([1], ["title"]),
        query(["custom", "posts"], rows(11)),
      ],
    ];
    for (const [name, event, q] of cases) {
      expect(queriesChangedBy(event)(q), name).toBe(true);
    }
  });

  it("should look into the pages of an infinite list", () => {
    const pages = { pages: [rows(1, 2), rows(3)], pageParams: [1, 2] };
    const infinite = query(["data", "default", "posts", "infinite", {}], pages);
    expect(queriesChangedBy(updated([3], ["title"]))(infinite)).toBe(true);
    expect(queriesChangedBy(updated([9], ["title"]))(infinite)).toBe(false);
  });
});

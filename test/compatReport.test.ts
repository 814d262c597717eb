import { describe, expect, it } from "vitest";
import {
  compatTable,
  END,
  replaceSection,
  START,
  // @ts-expect-error: a plain .mjs script without type declarations
} from "../scripts/compat-report.mjs";

const packages = {
  pubnub: "10.2.9",
  "@refinedev/core": "5.0.12",
  react: "19.3.1",
};
const report = {
  date: "2026-11-23T12:00:00.000Z",
  total: 600_000,
  results: [
    {
      id: "r",
      loop: "event-engine",
      node: "20.20.2",
      packages,
      passed: 39,
      failed: 0,
      time: 20_400,
    },
    {
      id: "r",
      loop: "older",
      node: "20.20.2",
      packages,
      passed: 37,
      failed: 2,
      time: 41_000,
    },
    {
      id: "node22",
      node: "22.23.3",
      packages,
      passed: 250,
      failed: 0,
      time: 70_000,
    },
  ],
};

describe("compat report", () => {
  it("should write one line per row with each loop's outcome, and say when rows failed", () => {
    const table: string = compatTable(report);
    expect(table).toContain(
      "| 10.2.9 | 5.0.12 | 19.3.1 | 20.20.2 | ✅ 39 passed, 20 s | ❌ 2 failed, 37 passed, 41 s |",
    );
    expect(table).toContain(
      "| 22.23.3 | ✅ 250 passed, 70 s (the whole suite) |",
    );
    expect(table).toMatch(
      /Last run: 2026-11-23, 600 s in all.*installs cached; \*\*some rows failed\*\*/,
    );
    expect(compatTable({ ...report, installs: 3 })).toContain(
      "including 3 installs",
    );
  });

  it("should replace only the marked section, and refuse a page without one", () => {
    const readme = `# Title\n${START}\nold table\n${END}\nrest\n`;
    expect(replaceSection(readme, "new table")).toBe(
      `# Title\n${START}\nnew table\n${END}\nrest\n`,
    );
    expect(() => replaceSection("# Title\n", "t")).toThrow(/has no/);
  });
});

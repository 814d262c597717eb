import { describe, expect, it } from "vitest";
import { statusMeaning } from "../../src/connection/statusMeaning";
import { observedStatuses, subscribe } from "../helpers/observedStatuses";

describe("statusMeaning", () => {
  it.each(observedStatuses)("should read %s from %o", (meaning, status) => {
    expect(statusMeaning(status).meaning).toBe(meaning);
  });

  it("should tell the older loop's failures from the event engine's", () => {
    expect(
      statusMeaning({
        category: "PNServerErrorCategory",
        operation: subscribe,
        error: true,
      }).olderLoop,
    ).toBe(true);
    expect(
      statusMeaning({
        category: "PNDisconnectedUnexpectedlyCategory",
        error: "PNServerErrorCategory",
      }).olderLoop,
    ).toBe(false);
  });
});

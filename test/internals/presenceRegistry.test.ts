import { describe, expect, it, vi } from "vitest";
import type { PresenceError } from "../../src/errors/PresenceError";
import { PresenceRegistry } from "../../src/presence/presenceRegistry";
import type {
  HereNowAnswer,
  PresenceClient,
} from "../../src/presence/presenceTypes";

const CHANNEL = "resources.posts.~all";
const REFUSED = {
  status: { statusCode: 403, category: "PNAccessDeniedCategory" },
};

/** A client whose here-now and set-state answer as `answers` says. */
function fakeClient() {
  const answers = { refuse: false };
  const answer = <T>(value: T): Promise<T> =>
    answers.refuse ? Promise.reject(REFUSED) : Promise.resolve(value);
  const hereNow: HereNowAnswer = {
    channels: { [CHANNEL]: { occupants: [{ uuid: "bob", state: {} }] } },
  } as unknown as HereNowAnswer;
  const client = {
    channel: () => ({
      subscription: () => ({
        addListener: () => {},
        subscribe: () => {},
        unsubscribe: () => {},
      }),
    }),
    hereNow: vi.fn(() => answer(hereNow)),
    setState: vi.fn(() => answer({})),
    getUserId: () => "alice",
  } satisfies PresenceClient;
  return { client, answers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("PresenceRegistry and an expired token", () => {
  it("reports a channel refused at its first check", async () => {
    const { client, answers } = fakeClient();
    const errors: PresenceError[] = [];
    const registry = new PresenceRegistry(client, {
      releaseDelay: 0,
      report: (error) => errors.push(error),
    });
    answers.refuse = true;
    registry.watch(CHANNEL, () => {});
    await settle();
    expect(errors.map((e) => e.reason)).toEqual(["access-denied"]);
  });

  it("says nothing when a checked channel is refused later, and reads and sends again on refresh", async () => {
    const { client, answers } = fakeClient();
    const errors: PresenceError[] = [];
    const registry = new PresenceRegistry(client, {
      releaseDelay: 0,
      report: (error) => errors.push(error),
    });
    const members = vi.fn();
    registry.watch(CHANNEL, members);
    const entered = registry.enter(CHANNEL, { activity: "view" });
    await settle();
    expect(client.setState).toHaveBeenCalledTimes(1);

    answers.refuse = true; // the token ran out
    entered.update({ activity: "edit" });
    registry.refresh();
    await settle();
    expect(errors).toEqual([]);

    answers.refuse = false; // renewed: the provider calls refresh()
    client.hereNow.mockClear();
    registry.refresh();
    await settle();
    expect(client.hereNow).toHaveBeenCalledTimes(1);
    expect(client.setState).toHaveBeenCalledTimes(3); // view, edit refused, edit
    expect(client.setState).toHaveBeenLastCalledWith({
      channels: [CHANNEL],
      state: { activity: "edit" },
    });
    expect(errors).toEqual([]);
  });
});

// Presence in the posts example, through the local emulator: "who else is
// editing" between two users, a user leaving the page, and a tab that
// crashes without leaving (gone after the example's presence timeout).
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import {
  newWindow,
  openLiveTab,
  startExampleAndBrowser,
} from "./exampleBrowser.mjs";
import { sideBySide } from "./screenshots.mjs";

/** `presenceTimeout` in examples/posts/src/pubnub.ts, in ms. */
const PRESENCE_TIMEOUT = 20_000;

let example;
let browser;
const problems = [];
/** The windows a test opened; closed after it, whatever its outcome. */
const windows = [];

/** A new window of `user`'s on `path`, once live. */
async function openAs(user, path = "/posts/edit/1") {
  const window = await newWindow(browser);
  windows.push(window);
  return openLiveTab(window, example, { path, user, problems });
}

const banner = (page) => page.getByTestId("editing-now");

/** How many `operation` requests the emulator saw from `userId` on `channel`. */
const requestsOf = (operation, userId, channel) =>
  example.emulator.emulator.requests.filter(
    (request) =>
      request.operation === operation &&
      request.userId === userId &&
      request.channels.includes(channel),
  ).length;

/**
 * Resolves once `page`'s "also editing" banner is gone, within 10 s of
 * `since`, after `userId` sent a leave for `channel`.
 */
async function goneWithinSeconds(page, userId, channel, since) {
  await banner(page).waitFor({ state: "detached", timeout: 10_000 });
  assert.ok(Date.now() - since < 10_000);
  assert.ok(
    requestsOf("leave", userId, channel) >= 1,
    `${userId} sent a leave for ${channel}`,
  );
}

/**
 * Resolves once `userId` has sent a heartbeat for `channel`. Until then the
 * user is there by their subscribe alone, which carries no `heartbeat=`: the
 * keyset's default timeout (300 s) applies, not the example's 20 s. PubNub's
 * SharedWorker holds back a heartbeat sent within the heartbeat interval
 * (9 s) of its last one, so this can take that long.
 */
async function heartbeatSent(userId, channel) {
  for (let waited = 0; waited < 15_000; waited += 250) {
    if (requestsOf("heartbeat", userId, channel) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${userId} sent no heartbeat for ${channel} in 15 s`);
}

before(async () => {
  ({ example, browser } = await startExampleAndBrowser());
});

after(async () => {
  await browser?.close();
  await example?.close();
});

afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.close()));
  assert.deepEqual(problems.splice(0), [], "no console errors or warnings");
});

describe("presence in the posts example", () => {
  it("shows two editors each other, and drops one within seconds when they leave the page", async () => {
    const alice = await openAs("Alice");
    const bob = await openAs("Bob");
    await banner(bob).getByText("Alice is also editing this post.").waitFor();
    await banner(alice).getByText("Bob is also editing this post.").waitFor();
    await bob.getByRole("img", { name: "Alice" }).waitFor();
    await sideBySide(
      browser,
      [alice, "Alice's window"],
      [bob, "Bob's window: each sees the other editing post 1"],
      "example-presence.png",
    );

    const leftAt = Date.now();
    await alice
      .locator(".ant-layout-sider")
      .getByRole("link", { name: "Posts", exact: true })
      .click();
    await goneWithinSeconds(bob, "alice", "resources.posts.1", leftAt);
  });

  it("drops an editor within seconds when they close the tab", async () => {
    // Post 3: a post of its own, so the leave counted is this test's.
    const alice = await openAs("Alice", "/posts/edit/3");
    const bob = await openAs("Bob", "/posts/edit/3");
    await banner(bob).getByText("Alice is also editing this post.").waitFor();
    const closedAt = Date.now();
    // The SharedWorker sends the leave for a tab that closes
    // (`subscriptionWorkerUnsubscribeOfflineClients` in the example).
    await alice.close();
    await goneWithinSeconds(bob, "alice", "resources.posts.3", closedAt);
  });

  it("drops an editor whose tab crashed after the presence timeout", async () => {
    // Post 2: a post of its own, so no earlier test's users are on it.
    const carol = await openAs("Carol", "/posts/edit/2");
    const bob = await openAs("Bob", "/posts/edit/2");
    await banner(bob).getByText("Carol is also editing this post.").waitFor();
    await heartbeatSent("carol", "resources.posts.2");

    const cdp = await carol.context().newCDPSession(carol);
    const crashedAt = Date.now();
    // Not awaited: Chromium never answers, the page is gone.
    void cdp.send("Page.crash").catch(() => {});
    // Carol's worker goes down with her only tab (no request after the
    // crash); PubNub times her out 20 s after her last heartbeat, which
    // came up to 9 s before the crash.
    await banner(bob).waitFor({
      state: "detached",
      timeout: PRESENCE_TIMEOUT + 30_000,
    });
    const gone = Date.now() - crashedAt;
    assert.ok(
      gone > PRESENCE_TIMEOUT / 2,
      `Carol went after ${gone} ms: a leave, not the timeout`,
    );
    const leaves = example.emulator.emulator.requests.filter(
      (request) => request.operation === "leave" && request.userId === "carol",
    );
    assert.deepEqual(leaves, [], "a crashed tab sends no leave");
    // The crash itself is reported by Playwright, not by the app.
    problems.splice(
      0,
      problems.length,
      ...problems.filter((p) => !/crash/i.test(p)),
    );
  });
});

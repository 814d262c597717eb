// Presence in the posts example: "who else is editing", with one user in
// two tabs (each tab its own PubNub client), through the local emulator.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  newWindow,
  openTab,
  startExampleAndBrowser,
} from "./exampleBrowser.mjs";

let example;
let browser;
const problems = [];

/** A window of `user`'s, and `open(path)` for each of its tabs. */
async function openBrowserOf(user) {
  const context = await newWindow(browser);
  const open = async (path = "/posts/edit/1") => {
    const url = `${example.appUrl}${path}?user=${user}`;
    const page = await openTab(context, url, problems, user);
    await page.getByTestId("live-badge").getByText("Live").waitFor();
    return page;
  };
  return { context, open };
}

const banner = (page) => page.getByTestId("editing-now");

/** Leaves the emulator saw from `user` on post 1's presence channel. */
const leavesOf = (user) =>
  example.emulator.emulator.requests.filter(
    (request) =>
      request.operation === "leave" &&
      request.userId === user &&
      request.channels.includes("resources.posts.1"),
  ).length;

before(async () => {
  ({ example, browser } = await startExampleAndBrowser());
});

after(async () => {
  await browser?.close();
  await example?.close();
});

describe("presence with two tabs of one user", () => {
  it("shows each editor the other, keeps a user whose other tab stays, and drops them when both are gone", async () => {
    const alice = "alice";
    const bob = "bob";
    const aliceBrowser = await openBrowserOf(alice);
    const [firstTab, secondTab] = [
      await aliceBrowser.open(),
      await aliceBrowser.open(),
    ];
    const bobBrowser = await openBrowserOf(bob);
    const bobPage = await bobBrowser.open();
    await banner(bobPage)
      .getByText(`${alice} is also editing this post.`)
      .waitFor();
    await banner(firstTab)
      .getByText(`${bob} is also editing this post.`)
      .waitFor();
    assert.equal(
      await banner(bobPage).textContent(),
      `${alice} is also editing this post.`,
      "the user of two tabs shows once",
    );

    // A closed tab sends no leave (observed, pubnub 12 web build); the
    // other tab's heartbeats keep the user.
    await firstTab.close({ runBeforeUnload: true });
    await sleep(3_000);
    assert.equal(await banner(bobPage).isVisible(), true);
    assert.equal(leavesOf(alice), 0);

    // Within the app: the page's usePresence leaves (a page unload sends
    // no leave; the user would drop out after the presence timeout).
    await secondTab.getByRole("link", { name: "Posts", exact: true }).click();
    await banner(bobPage).waitFor({ state: "detached" });
    assert.ok(leavesOf(alice) >= 1);
    await aliceBrowser.context.close();
    await bobBrowser.context.close();
    assert.deepEqual(problems, []);
  });
});

// The Real Time guide's scenarios in two browser windows of two users
// (alice and bob), through the local PubNub emulator: the live list, the
// "changed elsewhere" alerts on the edit and show pages, navigation between
// posts, and an outage. Playwright's launch() gives Chromium a fresh,
// temporary profile of its own.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import {
  newWindow,
  openLiveTab,
  openTab,
  startExampleAndBrowser,
  waitLive,
} from "./exampleBrowser.mjs";
import { eventually } from "./liveListener.mjs";
import { sideBySide } from "./screenshots.mjs";

let example;
let browser;
let alice;
let bob;
/** Console errors and warnings of both windows; each test must add none. */
const problems = [];

async function openWindowOf(user) {
  const window = await newWindow(browser);
  return openLiveTab(window, example, { path: "/posts", user, problems });
}

/** `page` at `path`, once it is live again. */
async function visit(page, path) {
  await page.goto(`${example.appUrl}${path}`);
  await waitLive(page);
}

const UPDATED = "This post is updated. Refresh to see changes.";
const DELETED = "This post is deleted.";
const alertSaying = (page, text) =>
  page.getByRole("alert").filter({ hasText: text });
const titleInput = (page) => page.getByLabel("Title");

async function saveTitle(page, title) {
  await titleInput(page).fill(title);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Successfully updated post").first().waitFor();
}

/** Deletes through the list's delete button and its confirmation. */
async function deleteFromList(page, title) {
  await visit(page, "/posts");
  const row = page.getByRole("row", { name: new RegExp(title) });
  await row.locator(".refine-delete-button").click();
  await page
    .locator(".ant-popconfirm")
    .getByRole("button", { name: "Delete" })
    .click();
  await row.waitFor({ state: "detached" });
}

before(async () => {
  ({ example, browser } = await startExampleAndBrowser());
  alice = await openWindowOf("Alice");
  bob = await openWindowOf("Bob");
});

after(async () => {
  await browser?.close();
  await example?.close();
});

afterEach(() => {
  assert.deepEqual(problems.splice(0), [], "no console errors or warnings");
});

// What the outage test expects: Chromium reports each refused request (or
// one the closing emulator reset under way), and
// the example logs the provider's connection error as a "[live]" warning.
// A presence request (here-now) that falls inside the outage is refused and
// logged too; the watcher reads the members again once PubNub is back.
const OUTAGE_NOISE =
  /net::ERR_CONNECTION_REFUSED|net::ERR_CONNECTION_RESET|net::ERR_EMPTY_RESPONSE|\[live\] Lost the connection|\[live\] Presence on "[^"]+": PubNub refused a presence request/;

describe("the guide's app in two windows of two users", () => {
  it("signs in on the login screen with a name or a suggested one, and signs out", async () => {
    const window = await newWindow(browser);
    const page = await openTab(
      window,
      `${example.appUrl}/posts`,
      problems,
      "dave",
    );
    await page.waitForURL(/\/login/);
    await page.getByLabel("Name").fill("Dave");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/posts$/);
    await waitLive(page);
    assert.equal(await page.getByTestId("signed-in-as").textContent(), "Dave");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    // A suggested name signs in with one click.
    await page.getByRole("button", { name: "Carol", exact: true }).click();
    await page.waitForURL(/\/posts$/);
    assert.equal(await page.getByTestId("signed-in-as").textContent(), "Carol");
    await window.close();
  });

  it("shows a post created in one window in the other's list, with its category", async () => {
    await visit(alice, "/posts/create");
    await visit(bob, "/posts");
    await titleInput(alice).fill("Created in Alice's window");
    await alice.getByLabel("Category").click();
    await alice
      .locator(".ant-select-item-option", { hasText: "Guides" })
      .click();
    await alice.getByRole("button", { name: "Save" }).click();
    await alice.waitForURL(/\/posts$/);
    const row = bob.getByRole("row", { name: /Created in Alice's window/ });
    await row.getByRole("cell", { name: "Guides" }).waitFor();
    // The list and its post count are two live hooks of posts: one event
    // asks each query twice, withLiveInvalidation reads it once, and the
    // debug panel shows the reads saved.
    await bob.getByTestId("post-count").getByText("4 posts").waitFor();
    const panel = await bob.getByTestId("refetch-panel").textContent();
    assert.match(
      panel ?? "",
      /^refetches [1-9]\d*\/[1-9]\d* · [1-9]\d* saved$/,
    );
  });

  it("alerts the other editor, not the saver, when a post is updated; Refresh loads it", async () => {
    await Promise.all([
      visit(alice, "/posts/edit/1"),
      visit(bob, "/posts/edit/1"),
    ]);
    await bob.getByTestId("editing-now").getByText("Alice").waitFor();
    await alice.waitForFunction(
      () =>
        document.querySelector("#title")?.value === "Welcome to live refine",
    );
    await saveTitle(alice, "Welcome to live refine (edited)");

    const alert = alertSaying(bob, UPDATED);
    await alert.waitFor();
    assert.equal(
      await titleInput(bob).inputValue(),
      "Welcome to live refine",
      "Bob's form did not change under him",
    );
    await alice.waitForTimeout(1500);
    assert.equal(
      await alice.getByText(UPDATED).count(),
      0,
      "the saver sees no alert",
    );
    await sideBySide(
      browser,
      [alice, "Alice saved the post: no alert for the saver"],
      [bob, "Bob is told the post changed, and who else is editing"],
      "example-two-windows.png",
    );

    await alert.getByRole("button", { name: "Refresh" }).click();
    await bob.waitForFunction(
      () =>
        document.querySelector("#title")?.value ===
        "Welcome to live refine (edited)",
    );
    assert.equal(await bob.getByText(UPDATED).count(), 0);
  });

  it("alerts the show page when its post is updated, and Refresh shows the change", async () => {
    await Promise.all([
      visit(alice, "/posts/edit/2"),
      visit(bob, "/posts/show/2"),
    ]);
    await bob.getByText("How the PubNub live provider works").waitFor();
    await alice.waitForFunction(() => document.querySelector("#title")?.value);
    await saveTitle(alice, "How the live provider works");
    const alert = alertSaying(bob, UPDATED);
    await alert.getByRole("button", { name: "Refresh" }).click();
    await bob
      .getByText("How the live provider works", { exact: true })
      .waitFor();
  });

  it("alerts the show page when its post is deleted, with a button back to the list", async () => {
    await visit(bob, "/posts/show/2");
    await bob.getByText("How the live provider works").waitFor();
    await deleteFromList(alice, "How the live provider works");
    const alert = alertSaying(bob, DELETED);
    await alert.getByRole("button", { name: "Posts" }).waitFor();
    await sideBySide(
      browser,
      [alice, "Alice deleted a post from the list"],
      [bob, "Bob's show page says so, with a button back to the list"],
      "example-deleted.png",
    );
    await alert.getByRole("button", { name: "Posts" }).click();
    await bob.waitForURL(/\/posts$/);
  });

  it("alerts the edit page when its post is deleted", async () => {
    await visit(bob, "/posts/edit/3");
    await bob.waitForFunction(() => document.querySelector("#title")?.value);
    await deleteFromList(alice, "Editing without surprises");
    await alertSaying(bob, DELETED)
      .getByRole("button", { name: "Posts" })
      .waitFor();
  });

  it("moves the edit page's alerts to the new post when it navigates from one post to another", async () => {
    await visit(bob, "/posts/edit/1");
    await bob.waitForFunction(() => document.querySelector("#title")?.value);
    // In-app navigation, as a link would do: same page, new route.
    await bob.evaluate(() => {
      history.pushState({}, "", "/posts/edit/4");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await bob.waitForFunction(
      () =>
        document.querySelector("#title")?.value === "Created in Alice's window",
    );
    await visit(alice, "/posts/edit/4");
    await alice.waitForFunction(() => document.querySelector("#title")?.value);
    await saveTitle(alice, "Post 4, edited in Alice's window");
    await alertSaying(bob, UPDATED).waitFor();
  });

  it("shows Reconnecting… while PubNub is away, then Live, a notice, and the post written meanwhile", async () => {
    await Promise.all([visit(alice, "/posts"), visit(bob, "/posts")]);
    const { port, emulator } = example.emulator;
    // The browsers lose PubNub; PubNub itself keeps the messages it queued.
    await example.emulator.close();
    const badge = (page) => page.getByTestId("live-badge");
    await Promise.all([
      badge(alice).getByText("Reconnecting…").waitFor(),
      badge(bob).getByText("Reconnecting…").waitFor(),
    ]);
    // Someone writes while PubNub is out of reach: the backend's publish
    // fails, and its change feed retries until PubNub is back.
    const response = await fetch(`${example.apiUrl}/posts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: "Written while PubNub was away",
        status: "draft",
        category: { id: 1 },
      }),
    });
    assert.equal(response.status, 201);
    await eventually(
      () =>
        example.log.some((line) =>
          /^could not publish created posts .*; retrying$/.test(line),
        ),
      "the backend's failed publish",
    );

    const { startEmulatorServer } = await import(
      "../../dist/testing/server.js"
    );
    example.emulator = await startEmulatorServer({ port, emulator });
    // The notice shows for 4.5 s: look for it while the windows reconnect.
    await Promise.all([
      waitLive(alice),
      waitLive(bob),
      bob.getByText("Back online").waitFor(),
    ]);
    await bob
      .getByRole("cell", { name: "Written while PubNub was away" })
      .waitFor();
    await alice
      .getByRole("cell", { name: "Written while PubNub was away" })
      .waitFor();
    assert.ok(
      example.log.some((line) =>
        /^published created posts at attempt \d+$/.test(line),
      ),
      example.log.join("\n"),
    );
    const unexpected = problems.filter((line) => !OUTAGE_NOISE.test(line));
    problems.splice(0, problems.length, ...unexpected);
  });
});

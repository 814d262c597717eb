// Two browser windows on the posts example, through the local PubNub
// emulator: live list, "changed elsewhere" alerts, reconnect. Playwright's
// launch() gives Chromium a fresh, temporary profile of its own.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { after, afterEach, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  newWindow,
  openTab,
  startExampleAndBrowser,
} from "./exampleBrowser.mjs";

// Under .tmp/: a test run leaves the tracked docs/ alone. `npm run
// screenshots` copies it there.
const SCREENSHOTS = fileURLToPath(
  new URL("../../.tmp/screenshots/", import.meta.url),
);
let example;
let browser;
let alice;
let bob;
/** Console errors and warnings of both windows; each test must add none. */
const problems = [];

async function openWindow(path) {
  return openTab(
    await newWindow(browser),
    `${example.appUrl}${path}`,
    problems,
  );
}

const badge = (page) => page.getByTestId("live-badge");
const waitLive = (page) =>
  badge(page).getByText("Live", { exact: true }).waitFor();

before(async () => {
  ({ example, browser } = await startExampleAndBrowser());
  alice = await openWindow("/posts");
  bob = await openWindow("/posts");
  await Promise.all([waitLive(alice), waitLive(bob)]);
});

after(async () => {
  await browser?.close();
  await example?.close();
});

afterEach(() => {
  assert.deepEqual(problems.splice(0), [], "no console errors or warnings");
});

// What the outage test expects: Chromium reports each refused request, and
// the example logs the provider's connection error as a "[live]" warning.
const OUTAGE_NOISE =
  /net::ERR_CONNECTION_REFUSED|net::ERR_EMPTY_RESPONSE|\[live\] Lost the connection/;

describe("posts example in two windows", () => {
  it("shows a post created in one window in the other's list, without reload", async () => {
    await alice.getByRole("button", { name: "+ Create post" }).click();
    await alice.getByLabel("Title").fill("Created in Alice's window");
    await alice.getByRole("button", { name: "Save" }).click();
    await alice.waitForURL(/\/posts$/);
    await bob
      .getByRole("cell", { name: "Created in Alice's window" })
      .waitFor();
  });

  it("alerts the other editor, not the saver, when a post is updated", async () => {
    await Promise.all([
      alice.goto(`${example.appUrl}/posts/edit/1`),
      bob.goto(`${example.appUrl}/posts/edit/1`),
    ]);
    await Promise.all([waitLive(alice), waitLive(bob)]);
    await alice.getByLabel("Title").waitFor();
    await bob.getByLabel("Title").waitFor();
    await alice.getByLabel("Title").fill("Welcome to live refine (edited)");
    await alice.getByRole("button", { name: "Save" }).click();

    const alert = bob.getByRole("alert");
    await alert
      .getByText("This post is updated. Refresh to see changes.")
      .waitFor();
    assert.equal(
      await bob.getByLabel("Title").inputValue(),
      "Welcome to live refine",
      "Bob's form did not change under him",
    );
    await alice.waitForTimeout(1500);
    assert.equal(
      await alice.getByRole("alert").count(),
      0,
      "the saver sees no alert",
    );

    await alice.bringToFront();
    await takeScreenshot();

    await alert.getByRole("button", { name: "Refresh" }).click();
    await bob.waitForFunction(
      () =>
        document.querySelector("input[name=title]")?.value ===
        "Welcome to live refine (edited)",
    );
    assert.equal(await bob.getByRole("alert").count(), 0);
  });

  it("alerts the other window when the post it shows is deleted", async () => {
    await Promise.all([
      alice.goto(`${example.appUrl}/posts`),
      bob.goto(`${example.appUrl}/posts/show/2`),
    ]);
    await Promise.all([waitLive(alice), waitLive(bob)]);
    await bob
      .getByRole("heading", { name: "How the PubNub live provider works" })
      .waitFor();
    const row = alice.getByRole("row", {
      name: /How the PubNub live provider works/,
    });
    await row.getByRole("button", { name: "Delete" }).click();
    await bob.getByRole("alert").getByText("This post is deleted.").waitFor();
    await bob.getByRole("button", { name: "Back to list" }).click();
    await bob.waitForURL(/\/posts$/);
  });

  it("moves the edit page's alerts to the new post when it navigates from one post to another", async () => {
    await bob.goto(`${example.appUrl}/posts/edit/1`);
    await waitLive(bob);
    await bob.getByLabel("Title").waitFor();
    // In-app navigation, as a link would do: same page, new route.
    await bob.evaluate(() => {
      history.pushState({}, "", "/posts/edit/3");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await bob.waitForFunction(() =>
      document.querySelector("h1")?.textContent?.includes("#3"),
    );
    await alice.goto(`${example.appUrl}/posts/edit/3`);
    await waitLive(alice);
    await alice.getByLabel("Title").fill("Post 3, edited in Alice's window");
    await alice.getByRole("button", { name: "Save" }).click();
    await bob
      .getByRole("alert")
      .getByText("This post is updated. Refresh to see changes.")
      .waitFor();
  });

  it("shows Reconnecting… while PubNub is away, then Live, and catches up", async () => {
    await Promise.all([
      alice.goto(`${example.appUrl}/posts`),
      bob.goto(`${example.appUrl}/posts`),
    ]);
    await Promise.all([waitLive(alice), waitLive(bob)]);
    const port = example.emulator.port;
    await example.emulator.close();
    await Promise.all([
      badge(alice).getByText("Reconnecting…").waitFor(),
      badge(bob).getByText("Reconnecting…").waitFor(),
    ]);
    // A change while the live channel is down: nobody hears of it.
    const response = await fetch(`${example.apiUrl}/posts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: "Written while PubNub was away",
        status: "draft",
        content: "",
      }),
    });
    assert.equal(response.status, 201);

    const { startEmulatorServer } = await import(
      "../../dist/testing/server.js"
    );
    example.emulator = await startEmulatorServer({ port });
    await Promise.all([waitLive(alice), waitLive(bob)]);
    await bob
      .getByRole("cell", { name: "Written while PubNub was away" })
      .waitFor();
    await alice
      .getByRole("cell", { name: "Written while PubNub was away" })
      .waitFor();
    const unexpected = problems.filter((line) => !OUTAGE_NOISE.test(line));
    problems.splice(0, problems.length, ...unexpected);
  });
});

/** Both windows side by side, for the README. */
async function takeScreenshot() {
  const [left, right] = await Promise.all([
    alice.screenshot(),
    bob.screenshot(),
  ]);
  const page = await browser.newPage({
    viewport: { width: 1840, height: 640 },
  });
  const frame = (png, caption) =>
    `<figure><figcaption>${caption}</figcaption><img src="data:image/png;base64,${png.toString("base64")}"></figure>`;
  await page.setContent(`<!doctype html><style>
      body { margin: 0; padding: 20px; display: flex; gap: 20px; background: #c9d1e0; font: 600 14px system-ui, sans-serif; }
      figure { margin: 0; } figcaption { margin-bottom: 8px; color: #1d2433; }
      img { display: block; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 20%); }
    </style>${frame(left, "Window 1: saved the post (no alert for the saver)")}${frame(right, "Window 2: told that the post changed")}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(
    `${SCREENSHOTS}example-two-windows.png`,
    await page.screenshot({ fullPage: true }),
  );
  await page.close();
}

// The example in its production shape, in two browser windows: the
// database changes, the backend publishes, browsers only listen. A change
// made in SQL reaches both windows; a browser cannot publish with its
// token; a browser renews its expired token; the built app holds no
// publish or secret key.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import { build } from "vite";
import {
  browserEnvironment,
  defineEnvironment,
} from "../../examples/posts/scripts/start.mjs";
import {
  exampleSql as exampleSqlOn,
  newWindow,
  openLiveTab,
  startExampleAndBrowser,
  waitLive,
} from "./exampleBrowser.mjs";
import { eventually } from "./liveListener.mjs";
import { sideBySide } from "./screenshots.mjs";

let example;
let browser;
let alice;
let bob;
/** Console errors and warnings of the windows; each test must add none. */
const problems = [];

const exampleSql = (sql) => exampleSqlOn(example, sql);

async function visit(page, path) {
  await page.goto(`${example.appUrl}${path}`);
  await waitLive(page);
}

const UPDATED = "This post is updated. Refresh to see changes.";
const DELETED = "This post is deleted.";
const MAYBE =
  "This post may have changed while live updates were away. Refresh to see changes.";

before(async () => {
  ({ example, browser } = await startExampleAndBrowser());
  alice = await openLiveTab(await newWindow(browser), example, {
    path: "/posts",
    user: "Alice",
    problems,
  });
  bob = await openLiveTab(await newWindow(browser), example, {
    path: "/posts",
    user: "Bob",
    problems,
  });
});

after(async () => {
  await browser?.close();
  await example?.close();
});

afterEach(() => {
  assert.deepEqual(problems.splice(0), [], "no console errors or warnings");
});

describe("the example in production's shape", () => {
  it("shows a change made in SQL with example:sql in both windows' list and edit page", async () => {
    await Promise.all([visit(alice, "/posts"), visit(bob, "/posts/edit/1")]);
    await bob.waitForFunction(
      () =>
        document.querySelector("#title")?.value === "Welcome to live refine",
    );
    const { stdout } = await exampleSql(
      "UPDATE posts SET title = 'Renamed in SQL' WHERE id = 1",
    );
    assert.match(stdout, /1 row/);
    await alice.getByRole("cell", { name: "Renamed in SQL" }).waitFor();
    const alert = bob.getByRole("alert").filter({ hasText: UPDATED });
    await alert.waitFor();
    await sideBySide(
      browser,
      [
        alice,
        "npm run example:sql -- \"UPDATE posts SET title = 'Renamed in SQL' WHERE id = 1\"",
      ],
      [
        bob,
        "The database told the backend, the backend told PubNub: Bob's edit page knows",
      ],
      "example-sql.png",
    );
    await alert.getByRole("button", { name: "Refresh" }).click();
    await bob.waitForFunction(
      () => document.querySelector("#title")?.value === "Renamed in SQL",
    );

    // And the other way round: the list in Bob's window, the edit page in Alice's.
    await Promise.all([visit(bob, "/posts"), visit(alice, "/posts/edit/1")]);
    await exampleSql("UPDATE posts SET title = 'Renamed again' WHERE id = 1");
    await bob.getByRole("cell", { name: "Renamed again" }).waitFor();
    await alice.getByRole("alert").filter({ hasText: UPDATED }).waitFor();
  });

  it("tells an edit page that its post may have changed when the backend says refetch (*)", async () => {
    await visit(bob, "/posts/edit/3");
    await bob.waitForFunction(() => document.querySelector("#title")?.value);
    // What the change feed publishes after its database listener was away.
    example.emulator.emulator.publish("resources.posts", {
      type: "*",
      payload: {},
    });
    const alert = bob.getByRole("alert").filter({ hasText: MAYBE });
    await alert.getByRole("button", { name: "Refresh" }).click();
    await alert.waitFor({ state: "detached" });
  });

  it("refuses a publish made with a browser's token (403), and the other window hears nothing", async () => {
    await Promise.all([visit(alice, "/posts"), visit(bob, "/posts/show/2")]);
    await bob.getByText("How the PubNub live provider works").waitFor();
    // What anyone could try from devtools: take the page's token and publish.
    const { VITE_PUBNUB_SUBSCRIBE_KEY: subscribeKey } = example.environment;
    const status = await alice.evaluate(
      async ({ apiUrl, emulatorUrl, subscribeKey }) => {
        const { token } = await (
          await fetch(`${apiUrl}/live-token?userId=alice`)
        ).json();
        const fake = encodeURIComponent(
          JSON.stringify({ type: "deleted", payload: { ids: [2] } }),
        );
        const response = await fetch(
          `${emulatorUrl}/publish/any/${subscribeKey}/0/resources.posts/0/${fake}?uuid=alice&auth=${token}`,
        );
        return response.status;
      },
      {
        apiUrl: example.apiUrl,
        emulatorUrl: example.emulator.url,
        subscribeKey,
      },
    );
    assert.equal(status, 403);
    await bob.waitForTimeout(1500);
    assert.equal(await bob.getByText(DELETED).count(), 0);
    // Chromium logs the refused request in the page that sent it.
    const refused =
      /^Alice: console error: Failed to load resource: .* 403 \(Forbidden\)$/;
    const unexpected = problems.filter((line) => !refused.test(line));
    assert.equal(problems.length - unexpected.length, 1);
    problems.splice(0, problems.length, ...unexpected);
  });

  it("renews a browser's token through getToken when PubNub refuses it as expired", async () => {
    const window = await newWindow(browser);
    const tokens = [];
    window.on("response", async (response) => {
      if (new URL(response.url()).pathname === "/live-token") {
        tokens.push((await response.json()).token);
      }
    });
    const carol = await openLiveTab(window, example, {
      path: "/posts",
      user: "Carol",
      problems,
    });
    assert.equal(tokens.length, 1);
    example.emulator.emulator.expireToken(tokens[0]);
    // The long-poll under way still delivers; the next request is refused,
    // the provider fetches a new token and subscribes again.
    await exampleSql(
      "UPDATE posts SET title = 'Before the renewal' WHERE id = 3",
    );
    await carol.getByRole("cell", { name: "Before the renewal" }).waitFor();
    await eventually(() => tokens.length >= 2, "a new token");
    await waitLive(carol);
    await exampleSql(
      "UPDATE posts SET title = 'After the renewal' WHERE id = 3",
    );
    await carol.getByRole("cell", { name: "After the renewal" }).waitFor();
    await window.close();
    // Chromium logs each refused request; the provider's own report of the
    // expired token is not logged by the example (it is routine).
    const refused =
      /^Carol: console error: Failed to load resource: .* 403 \(Forbidden\)$/;
    const unexpected = problems.filter((line) => !refused.test(line));
    problems.splice(0, problems.length, ...unexpected);
  });
});

describe("the example's built app", () => {
  it("holds the subscribe key, and no publish or secret key", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "posts-build-"));
    try {
      await build({
        configFile: "examples/posts/vite.config.ts",
        define: defineEnvironment(
          browserEnvironment({
            apiUrl: example.apiUrl,
            origin: example.emulator.origin,
            subscribeKey: example.keys.subscribeKey,
          }),
        ),
        build: { outDir, emptyOutDir: true },
        logLevel: "silent",
      });
      const files = readdirSync(outDir, { recursive: true })
        .filter((name) => /\.(js|html)$/.test(name))
        .map((name) => readFileSync(join(outDir, name), "utf8"));
      const holds = (text) => files.some((file) => file.includes(text));
      assert.ok(
        holds(example.keys.subscribeKey),
        "the app reads with the subscribe key",
      );
      assert.equal(holds(example.keys.publishKey), false, "no publish key");
      assert.equal(holds(example.keys.secretKey), false, "no secret key");
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

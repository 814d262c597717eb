// The example's backend, without a browser: every change to the database,
// through the API or in SQL, reaches listening apps as a refine live event;
// browsers' tokens read and cannot write; the data survives restarts. With
// Debian's postgresql installed, the same against a real server
// (DATABASE_URL), whose restarts the change feed rides out.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { openDatabase } from "../../examples/posts/server/database.mjs";
import { exampleSql, startTestExample } from "./exampleBrowser.mjs";
import { eventually, listenAs } from "./liveListener.mjs";
import { postgresBin, startPostgres } from "./postgresServer.mjs";

function patch(example, path, body, headers = {}) {
  return fetch(`${example.apiUrl}${path}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** The events `listener` got, as `[type, ids, changed]`. */
const summary = (listener) =>
  listener.events.map(({ type, payload }) => [
    type,
    [...payload.ids].sort(),
    payload.changed,
  ]);

/**
 * The scenarios every database must pass; `databaseUrl()` names a Postgres
 * server, or nothing for PGlite. Resolves to the running example's getter.
 */
function changesGoLive(databaseUrl = () => undefined) {
  let example;
  let alice;
  let bob;
  before(async () => {
    const url = databaseUrl();
    example = await startTestExample(
      url ? { database: { url, reset: true } } : {},
    );
    alice = await listenAs(example, "alice");
    bob = await listenAs(example, "bob");
  });
  after(async () => {
    alice?.close();
    bob?.close();
    await example?.close();
  });

  it("publishes a write through the API with the fields that changed and the record; the writer's own browser ignores it", async () => {
    const response = await patch(
      example,
      "/posts/1",
      { title: "Edited through the API", category: { id: 2 } },
      { "x-live-sender": alice.provider.senderId },
    );
    assert.equal(response.status, 200);
    const [event] = await eventually(
      () => bob.events.length > 0 && bob.events,
      "bob's event",
    );
    assert.equal(event.type, "updated");
    assert.deepEqual(event.payload.ids, [1]);
    assert.deepEqual(event.payload.changed, ["category.id", "title"]);
    assert.deepEqual(
      event.payload.data,
      await (await fetch(`${example.apiUrl}/posts/1`)).json(),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      alice.events,
      [],
      "the writer's browser ignores its own change",
    );
    bob.events.length = 0;
  });

  it("publishes a change made in SQL with example:sql, one event per statement", async () => {
    const { stdout } = await exampleSql(
      example,
      "UPDATE posts SET status = 'archived' WHERE id <= 3",
      databaseUrl(),
    );
    assert.match(stdout, /3 rows/);
    await eventually(() => bob.events.length > 0, "the SQL update");
    await exampleSql(
      example,
      "INSERT INTO posts (title, category_id) VALUES ('From SQL', 1)",
      databaseUrl(),
    );
    await exampleSql(
      example,
      "DELETE FROM posts WHERE title = 'From SQL'",
      databaseUrl(),
    );
    await eventually(() => bob.events.length >= 3, "the insert and the delete");
    assert.deepEqual(summary(bob), [
      ["updated", [1, 2, 3], ["status"]],
      ["created", [4], undefined],
      ["deleted", [4], undefined],
    ]);
    assert.equal(bob.events[1].payload.data.title, "From SQL");
    assert.deepEqual(
      summary(alice),
      summary(bob),
      "a change in SQL is nobody's own",
    );
    bob.events.length = 0;
    alice.events.length = 0;
  });

  it("gives browsers tokens that read and cannot write", async () => {
    const { VITE_PUBNUB_SUBSCRIBE_KEY: subscribeKey } = example.environment;
    const message = encodeURIComponent(
      JSON.stringify({ type: "deleted", payload: { ids: [1] } }),
    );
    const url = `${example.emulator.url}/publish/any/${subscribeKey}/0/resources.posts/0/${message}?uuid=bob&auth=${bob.token}`;
    const response = await fetch(url);
    assert.equal(response.status, 403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(alice.events, []);
    // refine's mutation hooks call publish: a client without a publish key
    // sends nothing (the one publish request so far is the refused one).
    const { requests } = example.emulator.emulator;
    const publishes = () =>
      requests.filter((r) => r.operation === "publish" && r.userId === "bob");
    assert.equal(publishes().length, 1);
    bob.provider.publish({
      channel: "resources/posts",
      type: "created",
      payload: {},
      date: new Date(),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(publishes().length, 1);
    assert.deepEqual(bob.errors, []);
  });
  return () => example;
}

describe("the example's backend on PGlite (the default)", () => {
  const example = changesGoLive();

  it("runs /__sql for programs on this machine only, and asks /live-token for a user", async () => {
    const { apiUrl } = example();
    const fromPage = await fetch(`${apiUrl}/__sql`, {
      method: "POST",
      headers: { origin: "https://some.site" },
      body: "DELETE FROM posts",
    });
    assert.equal(fromPage.status, 403);
    assert.match((await fromPage.json()).message, /example:sql/);
    assert.equal(
      (await fetch(`${apiUrl}/posts`)).headers.get("x-total-count"),
      "3",
    );
    const noUser = await fetch(`${apiUrl}/live-token`);
    assert.equal(noUser.status, 400);
    assert.match((await noUser.json()).message, /needs \?userId=/);
  });
});

describe("the example's database folder", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "posts-data-"));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps changes across restarts, and reset starts from the seed data", async () => {
    const titleOf1 = async (database) =>
      (await database.query("SELECT title FROM posts WHERE id = 1"))[0].title;
    let database = await openDatabase({ dataDir, reset: true });
    await database.exec("UPDATE posts SET title = 'Kept' WHERE id = 1");
    await database.close();
    database = await openDatabase({ dataDir });
    assert.equal(await titleOf1(database), "Kept");
    await database.close();
    database = await openDatabase({ dataDir, reset: true });
    assert.equal(await titleOf1(database), "Welcome to live refine");
    await database.close();
  });
});

describe("the example's backend on a Postgres server (DATABASE_URL)", {
  skip: postgresBin()
    ? false
    : "Debian's postgresql is not installed (apt-get install postgresql)",
}, () => {
  let server;
  before(async () => {
    server = await startPostgres();
  });
  after(() => server?.remove());
  const example = changesGoLive(() => server.url);

  it("reconnects the listener it lost, and tells pages to refetch what changed meanwhile", async () => {
    const running = example();
    const carol = await listenAs(running, "carol");
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    // The listener's connection ends; the update commits after it has
    // gone, so its notification reaches nobody.
    await client.query("BEGIN");
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'",
    );
    await client.query("SELECT pg_sleep(0.2)");
    await client.query("UPDATE posts SET title = 'While away' WHERE id = 2");
    await client.query("COMMIT");
    await client.end();
    const [event] = await eventually(
      () => carol.events.length > 0 && carol.events,
      "the catch-up event",
    );
    assert.equal(event.type, "*");
    assert.deepEqual(event.payload, {});
    assert.ok(
      running.log.some((line) => /^lost the database listener/.test(line)),
      running.log.join("\n"),
    );
    assert.ok(
      running.log.some((line) =>
        /^database listener back after \d+ ms$/.test(line),
      ),
    );
    assert.ok(
      running.log.includes(
        "posts changed while the listener was away: pages refetch posts",
      ),
    );

    // A restart of the server: the API and the listener come back.
    server.stop();
    server.start();
    carol.events.length = 0;
    await eventually(async () => {
      const response = await patch(running, "/posts/2", {
        title: "After the restart",
      }).catch(() => undefined);
      return response?.status === 200;
    }, "the API after the restart");
    await eventually(
      () => carol.events.some((e) => e.type === "updated" || e.type === "*"),
      "an event after the restart",
    );
    carol.close();
  });
});

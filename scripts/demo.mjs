// Records the README's demo, docs/demo.gif: the posts example in two
// windows, Alice's and Bob's. Alice creates a post and it appears in Bob's
// list; both open the same post and see each other; Alice saves it, Bob is
// told, and Refresh loads her change; then a change made in SQL, outside
// the app, shows in both lists. Each window is filmed with Chromium's
// screencast (CDP Page.startScreencast) and Debian's ffmpeg (installed with
// apt when missing) puts the two films side by side in one GIF.
//
//   npm run demo            (builds, then runs this)
//
// Everything runs offline: the example on the emulator, 127.0.0.1 only.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  newWindow,
  openLiveTab,
  startExampleAndBrowser,
  waitLive,
} from "../test/e2e/exampleBrowser.mjs";
import { missingSystemPackage } from "./missingSystemPackage.mjs";

const root = resolve(import.meta.dirname, "..");
const frames = join(root, ".tmp", "demo");
const output = join(root, "docs", "demo.gif");
const MAX_BYTES = 2 * 1024 * 1024;
/** Each window's width in the GIF; the example renders 1000 px wide. */
const FILM_WIDTH = 640;
const FPS = 8;

function ensureFfmpeg() {
  try {
    execFileSync("ffmpeg", ["-version"], { stdio: "ignore" });
  } catch {
    missingSystemPackage("ffmpeg", "the demo's GIF");
  }
}

/**
 * Films `page` with Chromium's screencast: every frame Chromium paints is
 * saved as a JPEG with the time it was painted.
 */
async function film(page, name) {
  const dir = join(frames, name);
  mkdirSync(dir, { recursive: true });
  const shots = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Page.screencastFrame", ({ data, metadata, sessionId }) => {
    const file = join(dir, `${String(shots.length).padStart(5, "0")}.jpg`);
    writeFileSync(file, Buffer.from(data, "base64"));
    shots.push({ file, at: metadata.timestamp });
    cdp.send("Page.screencastFrameAck", { sessionId }).catch(() => {});
  });
  await cdp.send("Page.startScreencast", { format: "jpeg", quality: 90 });
  return {
    shots,
    stop: () => cdp.send("Page.stopScreencast").catch(() => {}),
  };
}

/**
 * An ffmpeg concat list that shows each frame until the next one, from
 * `start` to `end` (seconds), so both films share one timeline.
 */
function concatList(shots, start, end) {
  const lines = [];
  for (const [index, shot] of shots.entries()) {
    const from = index === 0 ? start : Math.max(shot.at, start);
    const until = shots[index + 1]?.at ?? end;
    if (until <= start) continue;
    lines.push(`file '${shot.file}'`, `duration ${(until - from).toFixed(3)}`);
  }
  // The concat demuxer ignores the last entry's duration unless it repeats.
  lines.push(`file '${shots.at(-1).file}'`);
  return `${lines.join("\n")}\n`;
}

function assembleGif(left, right, start, end) {
  const lists = [left, right].map((shots, index) => {
    const file = join(frames, `film-${index}.txt`);
    writeFileSync(file, concatList(shots, start, end));
    return file;
  });
  const scale = `fps=${FPS},scale=${FILM_WIDTH}:-2:flags=lanczos`;
  execFileSync(
    "ffmpeg",
    [
      ...["-y", "-loglevel", "error"],
      ...["-f", "concat", "-safe", "0", "-i", lists[0]],
      ...["-f", "concat", "-safe", "0", "-i", lists[1]],
      "-filter_complex",
      `[0]${scale},pad=iw+12:ih:0:0:#c9d1e0[l];[1]${scale}[r];[l][r]hstack,split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle`,
      ...["-t", (end - start).toFixed(2), output],
    ],
    { stdio: "inherit" },
  );
}

const pause = (page, ms = 1200) => page.waitForTimeout(ms);

/** The two-window story the GIF tells. */
async function playScenario(example, alice, bob) {
  await pause(alice);
  await alice.getByRole("button", { name: "Create" }).click();
  await alice.getByLabel("Title").pressSequentially("Hello from Alice", {
    delay: 40,
  });
  await alice.getByLabel("Category").click();
  await alice.locator(".ant-select-item-option", { hasText: "Guides" }).click();
  await alice.getByRole("button", { name: "Save" }).click();
  await bob.getByRole("row", { name: /Hello from Alice/ }).waitFor();
  await pause(bob, 2000);

  await Promise.all([
    bob.goto(`${example.appUrl}/posts/edit/1`),
    alice.goto(`${example.appUrl}/posts/edit/1`),
  ]);
  await bob.getByTestId("editing-now").getByText("Alice").waitFor();
  await alice.getByTestId("editing-now").getByText("Bob").waitFor();
  await pause(alice, 1500);
  const title = alice.getByLabel("Title");
  await title.press("End");
  await title.pressSequentially(" (edited)", { delay: 40 });
  await alice.getByRole("button", { name: "Save" }).click();
  const alert = bob
    .getByRole("alert")
    .filter({ hasText: "This post is updated." });
  await alert.waitFor();
  await pause(bob, 2000);
  await alert.getByRole("button", { name: "Refresh" }).click();
  await bob.waitForFunction(() =>
    document.querySelector("#title")?.value.endsWith("(edited)"),
  );
  await pause(bob, 2000);

  // A change made outside the app, in SQL: the database's trigger tells
  // the backend, which publishes it to both windows.
  await Promise.all([
    bob.goto(`${example.appUrl}/posts`),
    alice.goto(`${example.appUrl}/posts`),
  ]);
  await Promise.all([waitLive(alice), waitLive(bob)]);
  await pause(alice, 1500);
  await example.database.exec(
    "UPDATE posts SET title = 'Changed in SQL, outside the app' WHERE id = 2",
  );
  await Promise.all(
    [alice, bob].map((page) =>
      page
        .getByRole("cell", { name: "Changed in SQL, outside the app" })
        .waitFor(),
    ),
  );
  await pause(bob, 2500);
}

async function main() {
  ensureFfmpeg();
  rmSync(frames, { recursive: true, force: true });
  console.log("Starting the example and Chromium…");
  const { example, browser } = await startExampleAndBrowser();
  /** Console errors and warnings: a demo of a broken app is no demo. */
  const problems = [];
  try {
    const open = async (user) =>
      openLiveTab(await newWindow(browser), example, {
        path: "/posts",
        user,
        problems,
      });
    const [alice, bob] = [await open("Alice"), await open("Bob")];
    const films = [await film(alice, "alice"), await film(bob, "bob")];
    const start = Date.now() / 1000;
    console.log("Recording the two-window scenario…");
    await playScenario(example, alice, bob);
    const end = Date.now() / 1000;
    await Promise.all(films.map((one) => one.stop()));
    console.log(
      `Assembling ${films[0].shots.length} + ${films[1].shots.length} frames with ffmpeg…`,
    );
    if (problems.length > 0) {
      throw new Error(
        `The example logged console problems while recording:\n${problems.join("\n")}`,
      );
    }
    assembleGif(films[0].shots, films[1].shots, start, end);
  } finally {
    await browser.close();
    await example.close();
  }
  const bytes = statSync(output).size;
  console.log(`docs/demo.gif written: ${(bytes / 1024).toFixed(0)} KiB`);
  if (bytes > MAX_BYTES) {
    throw new Error(
      `docs/demo.gif is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the 2 MB the README allows: lower FILM_WIDTH or FPS in scripts/demo.mjs.`,
    );
  }
}

await main();

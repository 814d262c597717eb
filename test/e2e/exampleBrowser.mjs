// The posts example on free ports and a headless Chromium, for the browser
// tests. Playwright's launch() gives Chromium a fresh, temporary profile.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { startExample } from "../../examples/posts/scripts/start.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * `E2E_CPU_THROTTLE=N` slows every tab's CPU N times (Chrome DevTools'
 * throttling), to find the tests that only pass on a fast machine.
 */
const CPU_THROTTLE = Number(process.env.E2E_CPU_THROTTLE ?? 1);
if (!(CPU_THROTTLE >= 1)) {
  throw new RangeError(
    `E2E_CPU_THROTTLE must be a number of 1 or more (how many times slower), not "${process.env.E2E_CPU_THROTTLE}"`,
  );
}

/**
 * The example on free ports, with a database of its own in a new folder
 * (or on `DATABASE_URL`'s server, reset), its API log in `example.log`.
 */
export async function startTestExample(options = {}) {
  const log = [];
  const dataDir = mkdtempSync(join(tmpdir(), "posts-example-"));
  const example = await startExample({
    emulatorPort: 0,
    apiPort: 0,
    appPort: 0,
    quiet: true,
    database: { dataDir, reset: true },
    log: (line) => log.push(line),
    ...options,
  });
  example.log = log;
  const close = example.close;
  example.close = async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return example;
}

/**
 * `npm run example:sql -- sql` against `example`'s API, or straight to the
 * server at `databaseUrl`; resolves to its `{ stdout, stderr }`.
 */
export function exampleSql(example, sql, databaseUrl) {
  const env = { ...process.env, EXAMPLE_API_URL: example.apiUrl };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return promisify(execFile)(
    process.execPath,
    ["examples/posts/scripts/sql.mjs", sql],
    { env },
  );
}

/** Starts the example (database, backend, emulator, app) and Chromium. */
export async function startExampleAndBrowser(options = {}) {
  const example = await startTestExample(options);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return { example, browser };
}

/**
 * Records what `page` prints as a console error or warning, and its page
 * errors, in `problems`: the example must run without any.
 */
export function watchConsole(page, problems, who = "") {
  const prefix = who ? `${who}: ` : "";
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${prefix}console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${prefix}${error}`));
}

/** How long a browser test waits for anything. */
const TIMEOUT = 30_000;

/** A window with a profile of its own (its tabs share one SharedWorker). */
export function newWindow(browser) {
  return browser.newContext({ viewport: { width: 1000, height: 720 } });
}

async function throttleCpu(page, rate) {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Emulation.setCPUThrottlingRate", { rate });
}

/** A tab of `window` at `url`; its console problems go to `problems`. */
export async function openTab(window, url, problems, who) {
  const page = await window.newPage();
  page.setDefaultTimeout(TIMEOUT);
  watchConsole(page, problems, who);
  if (CPU_THROTTLE > 1) await throttleCpu(page, CPU_THROTTLE);
  await page.goto(url);
  return page;
}

/**
 * `path` of the app signed in as `user` in this tab only (`?user=`), plus
 * any other query parameters, e.g. `{ worker: "0" }`.
 */
export function appUrl(example, path, user, query = {}) {
  const search = new URLSearchParams({ user, ...query });
  return `${example.appUrl}${path}?${search}`;
}

/**
 * A tab of `window` on `path`, signed in as `user` (see {@link appUrl}),
 * once it is live; its console problems go to `problems`.
 */
export async function openLiveTab(
  window,
  example,
  { path, user, problems, query = {} },
) {
  const url = appUrl(example, path, user, query);
  const page = await openTab(window, url, problems, user);
  await waitLive(page);
  return page;
}

/** Resolves once the header's connection badge says "Live". */
export function waitLive(page) {
  return page
    .getByTestId("live-badge")
    .getByText("Live", { exact: true })
    .waitFor();
}

// Pictures for the README, written under .tmp/screenshots/ so a test run
// leaves the tracked docs/ alone; `npm run screenshots` copies them there.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SCREENSHOTS = fileURLToPath(
  new URL("../../.tmp/screenshots/", import.meta.url),
);

/** Two pages side by side, each with a caption, saved as `name`. */
export async function sideBySide(
  browser,
  [left, leftCaption],
  [right, rightCaption],
  name,
) {
  // Animations finished at once, so a toast looks the same in every run.
  const [leftPng, rightPng] = await Promise.all([
    left.screenshot({ animations: "disabled" }),
    right.screenshot({ animations: "disabled" }),
  ]);
  const page = await browser.newPage({
    viewport: { width: 2080, height: 800 },
  });
  const frame = (png, caption) =>
    `<figure><figcaption>${caption}</figcaption><img src="data:image/png;base64,${png.toString("base64")}"></figure>`;
  await page.setContent(`<!doctype html><style>
      body { margin: 0; padding: 20px; display: flex; gap: 20px; background: #c9d1e0; font: 600 14px system-ui, sans-serif; }
      figure { margin: 0; } figcaption { margin-bottom: 8px; color: #1d2433; }
      img { display: block; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 20%); }
    </style>${frame(leftPng, leftCaption)}${frame(rightPng, rightCaption)}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(
    `${SCREENSHOTS}${name}`,
    await page.screenshot({ fullPage: true }),
  );
  await page.close();
}

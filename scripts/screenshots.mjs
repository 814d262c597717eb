// Refreshes the screenshots in docs/ from the last browser run: `npm run
// screenshots` runs the e2e suite (which writes .tmp/screenshots/), then
// copies every PNG there into docs/.
import { copyFileSync, existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const source = join(root, ".tmp", "screenshots");
const shots = existsSync(source)
  ? readdirSync(source).filter((name) => name.endsWith(".png"))
  : [];
if (shots.length === 0) {
  console.error(
    `No screenshots in ${source}: run \`npm run test:e2e\` first (npm run screenshots does both).`,
  );
  process.exit(1);
}
for (const name of shots) {
  copyFileSync(join(source, name), join(root, "docs", name));
  console.log(`docs/${name} updated`);
}

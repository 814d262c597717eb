// Turns a `npm run test:compat` report into the table of docs/compatibility.md.

export const START =
  "<!-- compat-table:start (written by npm run test:compat) -->";
export const END = "<!-- compat-table:end -->";

export const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function cell(result) {
  if (result === undefined) return "not run";
  const verdict = result.failed === 0 ? "✅" : `❌ ${result.failed} failed,`;
  return `${verdict} ${result.passed} passed, ${seconds(result.time)}`;
}

/** A Markdown table: one line per row of the matrix, one column per loop. */
export function compatTable(report) {
  const lines = [
    "| pubnub | @refinedev/core | React | Node | event engine | older subscribe loop |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const ids = [...new Set(report.results.map(({ id }) => id))];
  for (const id of ids) {
    const results = report.results.filter((result) => result.id === id);
    const [{ packages, node }] = results;
    const versions = `| ${packages.pubnub} | ${packages["@refinedev/core"]} | ${packages.react} | ${node} |`;
    if (results[0].loop === undefined) {
      lines.push(
        `${versions} ${cell(results[0])} (the whole suite) | resilience suite, in the same run |`,
      );
    } else {
      const on = (loop) => cell(results.find((result) => result.loop === loop));
      lines.push(`${versions} ${on("event-engine")} | ${on("older")} |`);
    }
  }
  const failed = report.results.some(({ failed }) => failed > 0);
  lines.push(
    "",
    `Last run: ${report.date.slice(0, 10)}, ${seconds(report.total)} in all on a 2-core machine, ${report.installs ? `including ${report.installs} installs` : "installs cached"}${failed ? "; **some rows failed**" : ""}.`,
  );
  return lines.join("\n");
}

/** `text` with the part between the markers replaced by `table`. */
export function replaceSection(text, table) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) {
    throw new Error(
      `docs/compatibility.md has no ${START} … ${END} section for the table.`,
    );
  }
  return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
}

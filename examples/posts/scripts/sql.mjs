// `npm run example:sql -- "UPDATE posts SET title = 'Hi' WHERE id = 1"`:
// changes the example's database the way any other program would, outside
// the app and its API routes. The triggers make the change live all the
// same. With DATABASE_URL it connects to that server; otherwise it asks the
// running example (which holds PGlite's only connection) to run it.
const [sql] = process.argv.slice(2);
if (!sql?.trim()) {
  console.error(
    "Usage: npm run example:sql -- \"UPDATE posts SET title = 'Hi' WHERE id = 1\"",
  );
  process.exit(2);
}

async function runOnServer(url) {
  const { openPostgresDatabase } = await import(
    "../server/postgresDatabase.mjs"
  );
  const database = await openPostgresDatabase(url);
  try {
    return await database.exec(sql);
  } finally {
    await database.close();
  }
}

async function runThroughExample(apiUrl) {
  let response;
  try {
    response = await fetch(`${apiUrl}/__sql`, { method: "POST", body: sql });
  } catch {
    throw new Error(
      `The example is not running at ${apiUrl}: start it with \`npm run example\` (or set EXAMPLE_API_URL).`,
    );
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.message);
  return body;
}

try {
  const { rows, rowCount } = process.env.DATABASE_URL
    ? await runOnServer(process.env.DATABASE_URL)
    : await runThroughExample(
        process.env.EXAMPLE_API_URL ?? "http://127.0.0.1:4000",
      );
  if (rows.length > 0) console.table(rows);
  console.log(`${rowCount} row${rowCount === 1 ? "" : "s"}`);
} catch (error) {
  console.error(`example:sql: ${error.message}`);
  process.exit(1);
}

// Opens the example's database: PGlite in a folder by default, or the
// Postgres server at DATABASE_URL. Creates the tables and the live
// triggers (schema.sql) when missing, and seeds them from db.json when
// empty.
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openEmbeddedDatabase } from "./embeddedDatabase.mjs";
import { openPostgresDatabase } from "./postgresDatabase.mjs";

/** Where PGlite keeps the example's data: examples/posts/.data/ */
export const DEFAULT_DATA_DIR = fileURLToPath(
  new URL("../.data", import.meta.url),
);

const schema = () =>
  readFileSync(new URL("./schema.sql", import.meta.url), "utf8");

/**
 * Opens the database. `url` (default: DATABASE_URL) picks a Postgres
 * server; otherwise PGlite in `dataDir`. `reset` starts from the seed data.
 */
export async function openDatabase({
  url = process.env.DATABASE_URL,
  dataDir = DEFAULT_DATA_DIR,
  reset = false,
} = {}) {
  if (!url && reset) rmSync(dataDir, { recursive: true, force: true });
  const database = url
    ? await openPostgresDatabase(url)
    : await openEmbeddedDatabase(dataDir);
  if (url && reset) {
    await database.exec(
      "DROP TABLE IF EXISTS posts, categories, live_versions CASCADE",
    );
  }
  await database.exec(schema());
  await seedIfEmpty(database);
  return database;
}

/** Fills empty tables from db.json, keeping its ids. */
async function seedIfEmpty(database) {
  const [{ count }] = await database.query(
    "SELECT count(*)::int AS count FROM categories",
  );
  if (count > 0) return;
  const seed = JSON.parse(
    readFileSync(new URL("../db.json", import.meta.url), "utf8"),
  );
  await database.transaction(async (query) => {
    for (const { id, title } of seed.categories) {
      await query("INSERT INTO categories (id, title) VALUES ($1, $2)", [
        id,
        title,
      ]);
    }
    for (const post of seed.posts) {
      await query(
        `INSERT INTO posts (id, title, content, status, category_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          post.id,
          post.title,
          post.content,
          post.status,
          post.category.id,
          post.createdAt,
        ],
      );
    }
    for (const table of ["categories", "posts"]) {
      await query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), max(id)) FROM ${table}`,
      );
    }
  });
}

// The embedded default: PGlite, Postgres compiled to WebAssembly, in this
// process, kept in a folder. One connection: everything that reads or
// writes it goes through the API process (`npm run example:sql` too).

/** Opens (or creates) the PGlite database in `dataDir`. */
export async function openEmbeddedDatabase(dataDir) {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dataDir);
  const rowsOf = (result) => result.rows;
  return {
    description: `PGlite in ${dataDir}`,
    query: (sql, params) => db.query(sql, params).then(rowsOf),
    /** Runs one or more statements; the last one's rows and row count. */
    async exec(sql) {
      const results = await db.exec(sql);
      const last = results.at(-1);
      return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work((sql, params) => tx.query(sql, params).then(rowsOf)),
      ),
    /**
     * LISTENs on `channel`. In-process, it cannot drop, so `onLost` is
     * never called; resolves to a function that stops listening.
     */
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    close: () => db.close(),
  };
}

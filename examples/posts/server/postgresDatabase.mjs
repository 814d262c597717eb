// A real Postgres server through `pg`, for `DATABASE_URL`. The API's
// queries share a small pool; the change feed holds a connection of its
// own for LISTEN, which drops when the server restarts.

/** Connects to the Postgres server at `url` (postgres://user@host:port/db). */
export async function openPostgresDatabase(url) {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // An idle pooled connection that the server closes must not crash the
  // API; the pool replaces it on the next query.
  pool.on("error", () => {});
  await pool.query("SELECT 1");
  const rowsOf = (result) => result.rows;
  return {
    description: `Postgres at ${new URL(url).host}`,
    query: (sql, params) => pool.query(sql, params).then(rowsOf),
    /** Runs one or more statements; the last one's rows and row count. */
    async exec(sql) {
      const results = [await pool.query(sql)].flat();
      const last = results.at(-1);
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work((sql, params) =>
          client.query(sql, params).then(rowsOf),
        );
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    /**
     * LISTENs on `channel` on a connection of its own. `onLost(error)` is
     * called once if that connection drops; resolves to a function that
     * stops listening.
     */
    async listen(channel, onNotify, onLost) {
      const client = new pg.Client({ connectionString: url });
      let stopped = false;
      const lost = (error) => {
        if (stopped) return;
        stopped = true;
        client.end().catch(() => {});
        onLost(error ?? new Error("the connection ended"));
      };
      client.on("error", lost);
      client.on("end", () => lost());
      client.on("notification", (message) => onNotify(message.payload));
      try {
        await client.connect();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        stopped = true;
        await client.end().catch(() => {});
        throw error;
      }
      return async () => {
        stopped = true;
        await client.end().catch(() => {});
      };
    },
    close: () => pool.end(),
  };
}

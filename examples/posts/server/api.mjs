// The example's REST API, in the shape @refinedev/simple-rest expects
// (json-server's conventions: list with _start/_end/_sort/_order and
// x-total-count, get, create, update, delete), over the database.
// It does not publish: the database's triggers and the change feed do, for
// its writes and for everyone else's. Two more routes:
// - GET /live-token?userId=…: a subscribe-only PubNub token for a browser;
// - POST /__sql: runs SQL for `npm run example:sql`, from this machine only.
import { createServer } from "node:http";
import { RESOURCES, toColumns, toRecord } from "./records.mjs";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-expose-headers": "x-total-count",
};

/** The header a browser sends its `provider.senderId` in. */
export const SENDER_HEADER = "x-live-sender";

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Starts the API on `database`. `issueToken(userId)` resolves to
 * `{ token, ttl }` for GET /live-token.
 */
export async function startApi({
  database,
  issueToken,
  port = 4000,
  host = "127.0.0.1",
  log = () => {},
}) {
  const server = createServer(async (request, response) => {
    const send = (status, body, headers = {}) => {
      response.writeHead(status, {
        "content-type": "application/json",
        ...CORS,
        ...headers,
      });
      response.end(body === undefined ? "" : JSON.stringify(body));
    };
    try {
      if (request.method === "OPTIONS") return send(204);
      const url = new URL(request.url ?? "/", "http://api");
      if (url.pathname === "/live-token") {
        return send(200, await issueToken(url.searchParams.get("userId")));
      }
      if (url.pathname === "/__sql") {
        return send(200, await runSql(database, request));
      }
      const result = await route(database, request, url);
      return send(result.status ?? 200, result.body, result.headers);
    } catch (error) {
      if (!(error instanceof HttpError))
        log(`${request.method} ${request.url}: ${error.message}`);
      return send(error.status ?? 400, { message: error.message });
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    url: `http://${host}:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The simple-rest routes: `/{resource}` and `/{resource}/{id}`. */
async function route(database, request, url) {
  const [, name, id, extra] = url.pathname.split("/");
  const resource = Object.hasOwn(RESOURCES, name ?? "")
    ? RESOURCES[name]
    : undefined;
  if (!resource || extra !== undefined)
    throw new HttpError(404, `No route ${url.pathname}`);
  const { table } = resource;
  const record = (row) => toRecord(name, row);
  if (id === undefined) {
    if (request.method === "POST") {
      const columns = toColumns(name, await bodyOf(request));
      const [row] = await write(database, request, (query) =>
        query(insertSql(table, columns), Object.values(columns)),
      );
      return { status: 201, body: record(row) };
    }
    return list(database, name, url);
  }
  if (!/^\d+$/.test(id)) throw new HttpError(404, `No ${name} with id ${id}`);
  const selectOne = () =>
    database.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  const found = async (rows) => {
    if (rows.length === 0) throw new HttpError(404, `No ${name} with id ${id}`);
    return { body: record(rows[0]) };
  };
  if (request.method === "GET") {
    return found(await selectOne());
  }
  if (request.method === "DELETE") {
    return found(
      await write(database, request, (query) =>
        query(`DELETE FROM ${table} WHERE id = $1 RETURNING *`, [id]),
      ),
    );
  }
  const columns = toColumns(name, await bodyOf(request));
  const names = Object.keys(columns);
  if (names.length === 0) {
    return found(await selectOne());
  }
  const assignments = names.map((column, index) => `${column} = $${index + 2}`);
  return found(
    await write(database, request, (query) =>
      query(
        `UPDATE ${table} SET ${assignments.join(", ")} WHERE id = $1 RETURNING *`,
        [id, ...Object.values(columns)],
      ),
    ),
  );
}

/** GET /{resource}: `id` filters, `_sort`/`_order`, `_start`/`_end`. */
async function list(database, name, url) {
  const { table, fields } = RESOURCES[name];
  const ids = url.searchParams.getAll("id").filter((id) => /^\d+$/.test(id));
  const where = url.searchParams.has("id") ? "WHERE id = ANY($1::int[])" : "";
  const params = where ? [ids] : [];
  const sortColumn = fields[url.searchParams.get("_sort") ?? "id"] ?? "id";
  const order = url.searchParams.get("_order") === "desc" ? "DESC" : "ASC";
  const start = Math.max(0, Number(url.searchParams.get("_start")) || 0);
  const end = Number(url.searchParams.get("_end"));
  const limit =
    Number.isFinite(end) && end > start ? `LIMIT ${end - start}` : "";
  const rows = await database.query(
    `SELECT * FROM ${table} ${where} ORDER BY ${sortColumn} ${order}, id ${order} ${limit} OFFSET ${start}`,
    params,
  );
  const [{ total }] = await database.query(
    `SELECT count(*)::int AS total FROM ${table} ${where}`,
    params,
  );
  return {
    body: rows.map((row) => toRecord(name, row)),
    headers: { "x-total-count": String(total) },
  };
}

/**
 * Runs a write in a transaction that names the browser asking for it
 * (`live.sender`), so the triggers' event tells that browser it is its own.
 */
function write(database, request, work) {
  const sender = String(request.headers[SENDER_HEADER] ?? "").slice(0, 64);
  return database.transaction(async (query) => {
    await query("SELECT set_config('live.sender', $1, true)", [sender]);
    return work(query);
  });
}

function insertSql(table, columns) {
  const names = Object.keys(columns);
  if (names.length === 0)
    return `INSERT INTO ${table} DEFAULT VALUES RETURNING *`;
  const values = names.map((_, index) => `$${index + 1}`);
  return `INSERT INTO ${table} (${names.join(", ")}) VALUES (${values.join(", ")}) RETURNING *`;
}

async function textOf(request) {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text;
}

async function bodyOf(request) {
  const text = await textOf(request);
  try {
    return JSON.parse(text || "{}");
  } catch {
    throw new HttpError(400, "The body is not JSON");
  }
}

/**
 * POST /__sql: the body is SQL; answers the last statement's rows and row
 * count. Only for a program on this machine: a browser request (any page
 * can send one to 127.0.0.1) carries an Origin header and is refused.
 */
async function runSql(database, request) {
  const local = ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(
    request.socket.remoteAddress,
  );
  if (
    request.method !== "POST" ||
    request.headers.origin !== undefined ||
    !local
  ) {
    throw new HttpError(
      403,
      "POST /__sql is for `npm run example:sql` on this machine only",
    );
  }
  return database.exec(await textOf(request));
}

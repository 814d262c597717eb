// A small REST API in the shape @refinedev/simple-rest expects (the
// json-server conventions): list with _start/_end/_sort/_order and
// x-total-count, get, create, update, delete. Data lives in memory, seeded
// from db.json at start.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-expose-headers": "x-total-count",
};

export async function startApi({ port = 4000, host = "127.0.0.1" } = {}) {
  const db = JSON.parse(
    readFileSync(new URL("../db.json", import.meta.url), "utf8"),
  );
  const server = createServer(async (request, response) => {
    const send = (status, body, headers = {}) => {
      response.writeHead(status, {
        "content-type": "application/json",
        ...CORS,
        ...headers,
      });
      response.end(body === undefined ? "" : JSON.stringify(body));
    };
    if (request.method === "OPTIONS") return send(204);
    const url = new URL(request.url ?? "/", "http://api");
    const [, name, id] = url.pathname.split("/");
    const records = db[name ?? ""];
    if (!records) return send(404, { message: `No resource "${name}"` });
    const index =
      id === undefined ? -1 : records.findIndex((r) => String(r.id) === id);
    let body;
    if (
      request.method === "POST" ||
      request.method === "PUT" ||
      request.method === "PATCH"
    ) {
      let text = "";
      for await (const chunk of request) text += chunk;
      try {
        body = JSON.parse(text || "{}");
      } catch {
        return send(400, { message: "The body is not JSON" });
      }
    }
    if (id === undefined) {
      if (request.method === "POST") {
        const record = {
          ...body,
          id: Math.max(0, ...records.map((r) => Number(r.id))) + 1,
          createdAt: new Date().toISOString(),
        };
        records.push(record);
        return send(201, record);
      }
      let list = records;
      const ids = url.searchParams.getAll("id");
      if (ids.length > 0) list = list.filter((r) => ids.includes(String(r.id)));
      const sort = url.searchParams.get("_sort");
      if (sort) {
        const order = url.searchParams.get("_order") === "desc" ? -1 : 1;
        list = [...list].sort((a, b) =>
          a[sort] > b[sort] ? order : a[sort] < b[sort] ? -order : 0,
        );
      }
      const start = Number(url.searchParams.get("_start") ?? 0);
      const end = Number(url.searchParams.get("_end") ?? list.length);
      return send(200, list.slice(start, end), {
        "x-total-count": String(list.length),
      });
    }
    if (index === -1) return send(404, { message: `No ${name} with id ${id}` });
    if (request.method === "GET") return send(200, records[index]);
    if (request.method === "DELETE") {
      const [removed] = records.splice(index, 1);
      return send(200, removed);
    }
    records[index] = { ...records[index], ...body, id: records[index].id };
    return send(200, records[index]);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// The API's resources and their tables: how a row becomes the record that
// @refinedev/simple-rest reads, and a request body the columns to write.
// The change feed uses the same mapping, so a live event names the fields
// the app knows (`category.id`, `createdAt`), not the columns.

/** Per resource: its table, and each record field's column. */
export const RESOURCES = {
  posts: {
    table: "posts",
    fields: {
      id: "id",
      title: "title",
      content: "content",
      status: "status",
      "category.id": "category_id",
      createdAt: "created_at",
    },
  },
  categories: {
    table: "categories",
    fields: { id: "id", title: "title" },
  },
};

/** The resource stored in `table`, or `undefined`. */
export function resourceOfTable(table) {
  return Object.keys(RESOURCES).find((name) => RESOURCES[name].table === table);
}

/** The record field stored in `column` of `resource`. */
export function fieldOfColumn(resource, column) {
  const { fields } = RESOURCES[resource];
  return Object.keys(fields).find((field) => fields[field] === column);
}

/** A row (as Postgres returns it, or as `to_jsonb` notifies it) → record. */
export function toRecord(resource, row) {
  const record = {};
  for (const [field, column] of Object.entries(RESOURCES[resource].fields)) {
    const value = fieldValue(column, row[column]);
    const [outer, inner] = field.split(".");
    if (inner === undefined) record[outer] = value;
    else record[outer] = value === null ? null : { [inner]: value };
  }
  return record;
}

/**
 * The columns a request body writes, `{ column: value }`: known fields only
 * (`id` and `createdAt` are the database's). Nested fields come as objects,
 * e.g. `category: { id: 2 }`.
 */
export function toColumns(resource, body) {
  const columns = {};
  for (const [field, column] of Object.entries(RESOURCES[resource].fields)) {
    if (field === "id" || field === "createdAt") continue;
    const [outer, inner] = field.split(".");
    const value = inner === undefined ? body?.[outer] : body?.[outer]?.[inner];
    if (value !== undefined) columns[column] = value;
  }
  return columns;
}

// Timestamps read the same from a query (a Date) and from a trigger's
// to_jsonb ("2026-12-07T08:28:47.143+00:00"): ISO 8601 in UTC.
function fieldValue(column, value) {
  if (value === null || value === undefined) return null;
  return column.endsWith("_at") ? new Date(value).toISOString() : value;
}

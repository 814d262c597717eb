/**
 * Whether `value` is what `payload.changed` must be: field names, dotted
 * for nested fields, none empty.
 */
export function isFieldList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.every((field) => typeof field === "string" && field !== "")
  );
}

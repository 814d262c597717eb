const MAX_DEPTH = 32;

/** True for `{}`-style objects: not arrays, class instances or null. */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of `value` that survives `JSON.stringify` unchanged: plain objects,
 * arrays, strings, finite numbers, booleans and null. Dates become ISO
 * strings; functions, symbols, bigints, class instances, cycles, `__proto__`
 * keys and anything nested deeper than 32 levels are left out. Returns
 * `undefined` when nothing is left.
 */
export function toJsonSafe(value: unknown, ancestors: unknown[] = []): unknown {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== "object" || value === null) {
    return typeof value === "string" ||
      typeof value === "boolean" ||
      value === null
      ? value
      : undefined;
  }
  if (ancestors.length >= MAX_DEPTH || ancestors.includes(value)) return;
  const inside = [...ancestors, value];
  if (Array.isArray(value)) {
    return value.map((item) => toJsonSafe(item, inside) ?? null);
  }
  if (!isPlainObject(value)) return;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = toJsonSafe(value[key], inside);
    if (item !== undefined && key !== "__proto__") copy[key] = item;
  }
  return copy;
}

/** True when `__proto__` is an own key anywhere inside `value`. */
export function hasProtoKey(value: object, depth = 0): boolean {
  const nested = (item: unknown) =>
    typeof item === "object" && item !== null && hasProtoKey(item, depth + 1);
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some(nested);
  for (const key of Object.keys(value)) {
    if (
      key === "__proto__" ||
      nested((value as Record<string, unknown>)[key])
    ) {
      return true;
    }
  }
  return false;
}

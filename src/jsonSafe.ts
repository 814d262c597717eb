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

/**
 * True when `value` is JSON as it is: plain objects, arrays, strings, finite
 * numbers, booleans and null, at most 32 levels deep (what
 * {@link toJsonSafe} would keep unchanged, with nothing to leave out).
 */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === "string") return true;
  if (typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  const inside = (item: unknown) => isJsonValue(item, depth + 1);
  if (Array.isArray(value)) return value.every(inside);
  return isPlainObject(value) && Object.values(value).every(inside);
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

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
export function toJsonSafe(value: unknown): unknown {
  return copy(value, new Set(), 0);
}

function copy(value: unknown, ancestors: Set<object>, depth: number): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : undefined;
    case "object":
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  if (depth >= MAX_DEPTH || ancestors.has(value)) return undefined;
  ancestors.add(value);
  let result: unknown;
  if (Array.isArray(value)) {
    result = value.map((item) => copy(item, ancestors, depth + 1) ?? null);
  } else if (isPlainObject(value)) {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === "__proto__") continue;
      const item = copy(value[key], ancestors, depth + 1);
      if (item !== undefined) object[key] = item;
    }
    result = object;
  }
  ancestors.delete(value);
  return result;
}

/** True when `__proto__` is an own key anywhere inside `value`. */
export function hasProtoKey(value: object, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const items = Array.isArray(value) ? value : undefined;
  const keys = items === undefined ? Object.keys(value) : undefined;
  const length = items?.length ?? keys?.length ?? 0;
  for (let index = 0; index < length; index++) {
    const key = keys?.[index];
    if (key === "__proto__") return true;
    const item =
      key === undefined
        ? items?.[index]
        : (value as Record<string, unknown>)[key];
    if (
      typeof item === "object" &&
      item !== null &&
      hasProtoKey(item, depth + 1)
    ) {
      return true;
    }
  }
  return false;
}

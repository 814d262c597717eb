/** A value an access token holds: whole numbers, text, bytes and maps. */
type TokenValue = number | string | Uint8Array | { [key: string]: TokenValue };

const utf8 = new TextEncoder();

/** A CBOR item head: major type and length (or value), up to 2^32 - 1. */
function head(major: number, length: number): number[] {
  const type = major << 5;
  if (length < 24) return [type | length];
  if (length < 0x100) return [type | 24, length];
  if (length < 0x10000) return [type | 25, length >> 8, length & 0xff];
  return [
    type | 26,
    ...[24, 16, 8, 0].map((shift) => (length >>> shift) & 0xff),
  ];
}

function bytes(major: number, data: Uint8Array): number[] {
  return [...head(major, data.length), ...data];
}

/** CBOR, with map keys as byte strings, as PubNub's tokens have them. */
function cbor(value: TokenValue): number[] {
  if (typeof value === "number") return head(0, value);
  if (typeof value === "string") return bytes(3, utf8.encode(value));
  if (value instanceof Uint8Array) return bytes(2, value);
  const entries = Object.entries(value);
  return [
    ...head(5, entries.length),
    ...entries.flatMap(([key, item]) => [
      ...bytes(2, utf8.encode(key)),
      ...cbor(item),
    ]),
  ];
}

/** What a token grants: channel names and patterns, each with its bits. */
export interface TokenGrant {
  ttl: number;
  channels: Record<string, number>;
  patterns: Record<string, number>;
  userId: string | undefined;
}

const NO_RESOURCES = { grp: {}, usr: {}, spc: {}, uuid: {} };

/**
 * An Access Manager v3 token in PubNub's format: CBOR, base64 URL-safe. The
 * SDK decodes tokens (`parseToken`, and its SharedWorker to group clients
 * by permissions), so an opaque string would not do. The signature is 32
 * random bytes, which also makes every token unique.
 */
export function encodeAccessToken(grant: TokenGrant): string {
  const signature = new Uint8Array(32);
  crypto.getRandomValues(signature);
  const token: TokenValue = {
    v: 2,
    t: Math.floor(Date.now() / 1000),
    ttl: grant.ttl,
    res: { chan: grant.channels, ...NO_RESOURCES },
    pat: { chan: grant.patterns, ...NO_RESOURCES },
    meta: {},
    ...(grant.userId === undefined ? {} : { uuid: grant.userId }),
    sig: signature,
  };
  const binary = String.fromCharCode(...cbor(token));
  return btoa(binary)
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

import { encodeAccessToken } from "./accessToken";
import type { RequestParts } from "./requestParts";

const READ = 1;
const WRITE = 2;

interface Grant {
  userId: string | undefined;
  expiresAt: number;
  channels: Map<string, number>;
  patterns: Array<[RegExp, number]>;
}

/**
 * Access Manager v3, emulated: grants opaque tokens and checks them on
 * subscribe (read) and publish (write). Signatures are not verified: a
 * request carrying one counts as coming from a holder of the secret key.
 */
export class AccessManager {
  readonly #grants = new Map<string, Grant>();

  /** Handles `POST /v3/pam/{sub}/grant`; returns the token. */
  grant(body: unknown): string {
    const { ttl = 60, permissions = {} } = (body ?? {}) as {
      ttl?: number;
      permissions?: {
        resources?: { channels?: Record<string, number> };
        patterns?: { channels?: Record<string, number> };
        uuid?: string;
      };
    };
    const channels = permissions.resources?.channels ?? {};
    const patterns = permissions.patterns?.channels ?? {};
    const token = encodeAccessToken({
      ttl,
      channels,
      patterns,
      userId: permissions.uuid,
    });
    this.#grants.set(token, {
      userId: permissions.uuid,
      expiresAt: Date.now() + ttl * 60_000,
      channels: new Map(Object.entries(channels)),
      patterns: Object.entries(patterns).map(([pattern, bits]) => [
        new RegExp(pattern),
        bits,
      ]),
    });
    return token;
  }

  /** Makes a token expire now, as its TTL running out would. */
  expire(token: string): void {
    const grant = this.#grants.get(token);
    if (grant) grant.expiresAt = 0;
  }

  /**
   * Why the request is refused, or `undefined` when it may go on.
   * Returns the channels it has no rights on.
   */
  refusal(
    parts: RequestParts,
  ): { message: string; channels: string[] } | undefined {
    const { operation, query } = parts;
    const bit =
      operation === "publish" || operation === "signal"
        ? WRITE
        : operation === "subscribe" ||
            operation === "heartbeat" ||
            operation === "leave" ||
            operation === "here-now" ||
            operation === "set-state" ||
            operation === "get-state"
          ? READ
          : undefined;
    if (bit === undefined || query.has("signature")) return undefined;
    const token = query.get("auth");
    const grant = token === null ? undefined : this.#grants.get(token);
    if (grant === undefined) {
      return { message: "Forbidden: no valid token", channels: parts.channels };
    }
    if (grant.expiresAt <= Date.now()) {
      return { message: "Token is expired.", channels: parts.channels };
    }
    if (grant.userId !== undefined && grant.userId !== query.get("uuid")) {
      return {
        message: "Token is for another userId",
        channels: parts.channels,
      };
    }
    // A `-pnpres` channel needs read of its own (PubNub's operations-to-
    // permissions table); a grant on "ch" does not cover "ch-pnpres".
    const denied = parts.channels.filter((channel) => {
      const granted =
        (grant.channels.get(channel) ?? 0) |
        grant.patterns.reduce(
          (bits, [pattern, patternBits]) =>
            pattern.test(channel) ? bits | patternBits : bits,
          0,
        );
      return (granted & bit) === 0;
    });
    return denied.length > 0
      ? { message: "Forbidden", channels: denied }
      : undefined;
  }
}

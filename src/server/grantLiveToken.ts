import { assertNamespace, toPubNubChannel } from "../channelName";
import { GrantError } from "../errors/GrantError";

/** Options of {@link grantLiveToken}. */
export interface GrantLiveTokenOptions {
  /** The PubNub `userId` the token is for (`authorized_uuid`). */
  userId: string;
  /** refine resources to grant, e.g. `["posts", "users"]`. */
  resources?: string[];
  /** Other refine channels to grant, e.g. `["notifications/admins"]`. */
  channels?: string[];
  /**
   * The browsers' `liveProvider` namespace. Without `resources` or
   * `channels`, the token covers every channel under it.
   */
  namespace?: string;
  /** Also grant write (publishing). @default false */
  write?: boolean;
  /**
   * Also grant read on the presence channels of `resources` (their records
   * and lists, and the `-pnpres` channels), which `@refinedev/pubnub/presence`
   * and `usePresence` need. A namespace-wide token covers them anyway.
   * @default true
   */
  presence?: boolean;
  /** Minutes the token lives, 1 to 43200 (30 days). @default 60 */
  ttl?: number;
}

/** The SDK's `grantToken`, as a server client (with a secret key) has it. */
export interface PubNubGrantClient {
  grantToken(parameters: {
    ttl: number;
    authorized_uuid?: string;
    resources?: {
      channels?: Record<string, { read?: boolean; write?: boolean }>;
    };
    patterns?: {
      channels?: Record<string, { read?: boolean; write?: boolean }>;
    };
  }): Promise<string>;
}

/** `text` matched literally inside a regular expression. */
function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * Grants an Access Manager v3 token for a browser: read (and, if asked,
 * write) on the mapped channels of the given resources and channels, or on
 * every channel under the namespace. Call it from a backend whose PubNub
 * client has the secret key; hand the token to the browser, which passes it
 * to `pubnub.setToken()`.
 *
 * @throws {GrantError} without a secret key, for bad options, or when
 * PubNub refuses
 * @example
 * const token = await grantLiveToken(pubnub, { userId: "alice", resources: ["posts"] });
 */
export async function grantLiveToken(
  pubnub: PubNubGrantClient,
  options: GrantLiveTokenOptions,
): Promise<string> {
  const {
    userId,
    resources = [],
    channels = [],
    namespace,
    write = false,
    presence = true,
  } = options ?? {};
  const ttl = options?.ttl ?? 60;
  if (typeof userId !== "string" || userId === "") {
    throw new GrantError({ reason: "no-user-id" });
  }
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 43_200) {
    throw new GrantError({ reason: "bad-ttl", ttl });
  }
  if (typeof pubnub?.grantToken !== "function") {
    throw new GrantError({ reason: "no-client" });
  }
  if (namespace !== undefined) assertNamespace(namespace);
  const permissions = { read: true, ...(write ? { write: true } : {}) };
  const names = [...resources.map((name) => `resources/${name}`), ...channels];
  const grant: Parameters<PubNubGrantClient["grantToken"]>[0] = {
    ttl,
    authorized_uuid: userId,
  };
  if (names.length > 0) {
    grant.resources = {
      channels: Object.fromEntries(
        names.map((name) => [toPubNubChannel(name, namespace), permissions]),
      ),
    };
    if (presence && resources.length > 0) {
      // A presence channel is its live channel plus one segment.
      grant.patterns = {
        channels: Object.fromEntries(
          resources.map((name) => [
            `^${literal(toPubNubChannel(`resources/${name}`, namespace))}\\.`,
            { read: true },
          ]),
        ),
      };
    }
  } else if (namespace !== undefined) {
    grant.patterns = { channels: { [`^${namespace}\\.`]: permissions } };
  } else {
    throw new GrantError({ reason: "nothing-to-grant" });
  }
  try {
    return await pubnub.grantToken(grant);
  } catch (cause) {
    const message = (cause as { status?: { message?: unknown } })?.status
      ?.message;
    const reason =
      message === "Missing Secret Key" ? "no-secret-key" : "refused";
    throw new GrantError({ reason, cause });
  }
}

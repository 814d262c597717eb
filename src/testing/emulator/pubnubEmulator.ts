import { isPlainObject } from "../../jsonSafe";
import {
  invalidChannelReason,
  isTooLarge,
  isTooLargeEscaped,
  nextTimetoken,
} from "../pubnubRules";
import { AccessManager } from "./accessManager";
import {
  EmulatedPresence,
  PRESENCE_SUFFIX,
  type PresenceEventData,
  type PresenceSettings,
} from "./presence";
import { type RequestParts, requestParts } from "./requestParts";
import {
  type EmulatorAnswer,
  jsonResponse,
  NETWORK_ERROR,
  preflightResponse,
  serviceError,
} from "./responses";

/** Options of {@link PubNubEmulator}. */
export interface PubNubEmulatorOptions {
  /**
   * How long a subscribe long-poll is held before it is answered empty, in
   * ms. Real PubNub holds about 280 s; the SDK aborts at 310 s.
   * @default 20000
   */
  longPollTimeout?: number;
  /**
   * Messages kept per channel for catch-up. Real PubNub keeps 100.
   * @default 100
   */
  backlogLimit?: number;
  /**
   * How long a message stays available for catch-up, in ms. Real PubNub
   * keeps them for about 15 minutes.
   * @default 900000
   */
  backlogTtl?: number;
  /**
   * Enforce Access Manager: subscribe needs a token with read, publish one
   * with write, granted through `grantToken` by a client with a secret key
   * (signatures are not checked). Without it, any request goes through.
   * @default false
   */
  accessManager?: boolean;
  /**
   * Caps the presence timeout clients ask for (`presenceTimeout`, 300 s by
   * default), in seconds, so a crashed client times out within a test.
   * @default undefined (the client's timeout)
   */
  maxPresenceTimeout?: number;
  /**
   * The keyset's presence settings: `announceMax` (20), `interval` (30 s)
   * and `presenceDeltas` (false).
   */
  presence?: PresenceSettings;
}

/** One request the emulator received. */
export interface EmulatorRequest {
  operation: RequestParts["operation"];
  channels: string[];
  userId: string | undefined;
  /** The `tt` cursor of a subscribe; `undefined` for a handshake. */
  timetoken?: string | undefined;
  auth?: string | undefined;
}

/** A failure to inject: an HTTP status, or a dropped connection. */
export interface EmulatorFault {
  /** Answer with this HTTP status (e.g. 500, 403). */
  status?: number;
  /** Drop the connection instead of answering. */
  network?: boolean;
}

/** A message envelope, as PubNub sends it in a subscribe response. */
export interface Envelope {
  a: string;
  f: number;
  i: string;
  p: { t: string; r: number };
  k: string;
  c: string;
  d: unknown;
  u?: unknown;
  cmt?: string;
  e?: number;
}

interface Waiter {
  channels: ReadonlySet<string>;
  userId: string | undefined;
  cursor: bigint;
  answer(response: EmulatorAnswer): void;
}

type FaultTarget = RequestParts["operation"] | "any";

const SUBSCRIBE_CONTENT_TYPE = 'text/javascript; charset="UTF-8"';
const REGION = 1;

/**
 * PubNub's REST protocol, emulated in memory for the real `pubnub` SDK:
 * time, publish (GET and deflated POST), signal, subscribe handshake and
 * long-poll with timetoken cursors and per-channel catch-up, and presence
 * (heartbeat, leave, timeout, here-now, state, `-pnpres` events). Any keys
 * work. It speaks the Fetch API (`handle(request)`), so the
 * same emulator serves msw handlers (`@refinedev/pubnub/testing/msw`) and
 * a local HTTP server (`@refinedev/pubnub/testing/server`).
 */
export class PubNubEmulator {
  readonly #longPollTimeout: number;
  readonly #backlogLimit: number;
  readonly #backlogTtl: number;
  readonly #backlog = new Map<string, Array<Envelope & { at: number }>>();
  readonly #waiters = new Set<Waiter>();
  readonly #faults: Array<{ target: FaultTarget; fault: EmulatorFault }> = [];
  readonly #requests: EmulatorRequest[] = [];
  readonly #accessManager: AccessManager | undefined;
  readonly #presence: EmulatedPresence;
  #deliveryDelay = 0;

  constructor(options: PubNubEmulatorOptions = {}) {
    this.#accessManager = options.accessManager
      ? new AccessManager()
      : undefined;
    this.#longPollTimeout = options.longPollTimeout ?? 20_000;
    this.#backlogLimit = options.backlogLimit ?? 100;
    this.#backlogTtl = options.backlogTtl ?? 15 * 60_000;
    this.#presence = new EmulatedPresence({
      ...options.presence,
      emit: (channel, data) => this.#emitPresence(channel, data),
      maxTimeout: options.maxPresenceTimeout,
    });
  }

  /** Every request received so far, oldest first. */
  get requests(): readonly EmulatorRequest[] {
    return this.#requests;
  }

  /** Subscribe long-polls being held right now. */
  get pendingSubscribes(): number {
    return this.#waiters.size;
  }

  /** Subscribe long-polls of `userId` (the `uuid` parameter) held right now. */
  pendingSubscribesOf(userId: string): number {
    let count = 0;
    for (const waiter of this.#waiters) if (waiter.userId === userId) count++;
    return count;
  }

  /** Answers one PubNub REST request. */
  async handle(request: Request): Promise<EmulatorAnswer> {
    if (request.method === "OPTIONS") return preflightResponse();
    const parts = requestParts(new URL(request.url));
    const { operation, channels, query } = parts;
    this.#requests.push({
      operation,
      channels,
      userId: query.get("uuid") ?? undefined,
      timetoken: query.get("tt") ?? undefined,
      auth: query.get("auth") ?? undefined,
    });
    const fault = this.#takeFault(operation);
    if (fault?.network) return NETWORK_ERROR;
    if (fault?.status !== undefined) return faultResponse(fault.status);
    const refusal = this.#accessManager?.refusal(parts);
    if (refusal) {
      return serviceError(403, refusal.message, "Access Manager", {
        channels: refusal.channels,
      });
    }
    switch (operation) {
      case "time":
        return jsonResponse([Number(nextTimetoken())]);
      case "publish":
      case "signal":
        return this.#publish(parts, request);
      case "subscribe":
        return this.#subscribe(parts, request);
      case "heartbeat":
        this.#heartbeat(parts);
        return presenceResponse({});
      case "leave":
        this.#presence.leave(query.get("uuid") ?? "", channels);
        return presenceResponse({ action: "leave" });
      case "here-now":
        return this.#hereNow(parts);
      case "set-state":
        return this.#setState(parts);
      case "get-state":
        return this.#getState(parts);
      case "grant":
        return this.#grant(request);
      default:
        return serviceError(404, "Not emulated", "Emulator");
    }
  }

  /**
   * Publishes as a backend would, straight into the emulator; returns the
   * timetoken.
   */
  publish(
    channel: string,
    message: unknown,
    options: { publisher?: string; meta?: unknown; subscribeKey?: string } = {},
  ): string {
    const timetoken = nextTimetoken();
    const envelope: Envelope = {
      a: "1",
      f: 0,
      i: options.publisher ?? "server",
      p: { t: timetoken, r: REGION },
      k: options.subscribeKey ?? "sub-c-emulator",
      c: channel,
      d: message,
    };
    if (options.meta !== undefined) envelope.u = options.meta;
    this.#store(envelope);
    return timetoken;
  }

  /**
   * Makes the next `times` requests of `operation` (or of any operation)
   * fail: `{ status: 500 }`, `{ status: 403 }` or `{ network: true }`.
   */
  failNext(target: FaultTarget, fault: EmulatorFault, times = 1): void {
    for (let index = 0; index < times; index++) {
      this.#faults.push({ target, fault });
    }
  }

  /**
   * Ends every held subscribe long-poll with a failure: by default a dropped
   * connection, as in a network outage; or e.g. `{ status: 403 }` for a
   * token that expired while connected.
   */
  failPendingSubscribes(fault: EmulatorFault = { network: true }): void {
    const { status } = fault;
    // A Response body can be read once: one answer per held long-poll.
    for (const waiter of [...this.#waiters]) {
      waiter.answer(
        fault.network || status === undefined
          ? NETWORK_ERROR
          : faultResponse(status),
      );
    }
  }

  /** Drops every held subscribe connection, as a network outage would. */
  dropConnections(): void {
    this.failPendingSubscribes({ network: true });
  }

  /** Makes an Access Manager token expire now (with `accessManager: true`). */
  expireToken(token: string): void {
    this.#accessManager?.expire(token);
  }

  /** Forgets every stored message: clients cannot catch up on them. */
  loseBacklog(): void {
    this.#backlog.clear();
  }

  /** Holds every delivery back by `ms` milliseconds (0 to stop). */
  delayDelivery(ms: number): void {
    this.#deliveryDelay = ms;
  }

  /** Answers every held long-poll empty, so clients and timers can stop. */
  close(): void {
    this.#presence.close();
    for (const waiter of [...this.#waiters]) {
      waiter.answer(subscribeResponse(waiter.cursor.toString(), []));
    }
  }

  #takeFault(operation: RequestParts["operation"]): EmulatorFault | undefined {
    const index = this.#faults.findIndex(
      ({ target }) => target === "any" || target === operation,
    );
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0]?.fault;
  }

  async #grant(request: Request): Promise<Response> {
    if (this.#accessManager === undefined) {
      return serviceError(
        400,
        "Access Manager is off in this emulator: new PubNubEmulator({ accessManager: true })",
      );
    }
    try {
      const token = this.#accessManager.grant(JSON.parse(await request.text()));
      return jsonResponse({
        data: { message: "Success", token },
        service: "Access Manager",
        status: 200,
      });
    } catch {
      return serviceError(400, "Invalid grant request body");
    }
  }

  async #publish(parts: RequestParts, request: Request): Promise<Response> {
    const { segments, query, operation } = parts;
    const [, publishKey, subscribeKey = "", , channel = ""] = segments;
    if (!publishKey || publishKey === "undefined") {
      return serviceError(400, "Invalid publish key", "Publish");
    }
    const invalid = invalidChannelReason(channel, "publish");
    if (invalid)
      return serviceError(400, `Invalid channel: ${invalid}`, "Publish");
    let message: unknown;
    let meta: unknown;
    try {
      const text =
        request.method === "POST"
          ? await readBody(request)
          : (segments.slice(6).join("/") ?? "");
      message = JSON.parse(text);
      const metaText = query.get("meta");
      meta = metaText === null ? undefined : JSON.parse(metaText);
    } catch {
      return jsonResponse([0, "Invalid JSON", nextTimetoken()], 400);
    }
    const tooLarge =
      request.method === "POST"
        ? isTooLarge(channel, message, meta)
        : isTooLargeEscaped(escapedPublishParts(new URL(request.url)));
    if (tooLarge) {
      return jsonResponse([0, "Message Too Large", nextTimetoken()], 413);
    }
    const timetoken = this.publish(channel, message, {
      publisher: query.get("uuid") ?? "",
      meta: isPlainObject(meta) ? meta : undefined,
      subscribeKey,
    });
    const stored = this.#backlog.get(channel)?.at(-1);
    const customType = query.get("custom_message_type");
    if (stored && customType) stored.cmt = customType;
    if (stored && operation === "signal") stored.e = 1;
    return jsonResponse([1, "Sent", timetoken]);
  }

  #store(envelope: Envelope): void {
    const now = Date.now();
    const log = (this.#backlog.get(envelope.c) ?? []).filter(
      ({ at }) => now - at < this.#backlogTtl,
    );
    log.push({ ...envelope, at: now });
    while (log.length > this.#backlogLimit) log.shift();
    this.#backlog.set(envelope.c, log);
    const notify = () => {
      for (const waiter of [...this.#waiters]) {
        if (!waiter.channels.has(envelope.c)) continue;
        const envelopes = this.#since(waiter.channels, waiter.cursor);
        if (envelopes.length > 0) {
          waiter.answer(subscribeResponse(lastTimetoken(envelopes), envelopes));
        }
      }
    };
    if (this.#deliveryDelay > 0) setTimeout(notify, this.#deliveryDelay);
    else queueMicrotask(notify);
  }

  #since(channels: ReadonlySet<string>, cursor: bigint): Envelope[] {
    const found: Envelope[] = [];
    for (const channel of channels) {
      for (const { at: _, ...envelope } of this.#backlog.get(channel) ?? []) {
        if (BigInt(envelope.p.t) > cursor) found.push(envelope);
      }
    }
    return found.sort((a, b) => (BigInt(a.p.t) < BigInt(b.p.t) ? -1 : 1));
  }

  /** A subscribe or heartbeat: joins or refreshes the client's user. */
  #heartbeat({ channels, query }: RequestParts): void {
    const heartbeat = Number(query.get("heartbeat") ?? Number.NaN);
    const states = parseJson(query.get("state"));
    this.#presence.heartbeat(
      query.get("uuid") ?? "",
      channels,
      Number.isFinite(heartbeat) ? heartbeat : undefined,
      isPlainObject(states) ? states : {},
    );
  }

  #hereNow({ channels, query }: RequestParts): Response {
    const withState = query.get("state") === "1";
    const withUuids = query.get("disable_uuids") !== "1";
    const occupancy = (channel: string) => {
      const members = this.#presence.membersOf(channel);
      const uuids = members.map(({ uuid, state }) =>
        withState ? { uuid, ...(state ? { state } : {}) } : uuid,
      );
      return withUuids
        ? { occupancy: members.length, uuids }
        : { occupancy: members.length };
    };
    const [only] = channels;
    if (channels.length === 1 && only !== undefined) {
      return presenceResponse(occupancy(only));
    }
    const found = channels
      .map((channel) => [channel, occupancy(channel)] as const)
      .filter(([, channel]) => channel.occupancy > 0);
    return presenceResponse({
      payload: {
        channels: Object.fromEntries(found),
        total_channels: found.length,
        total_occupancy: found.reduce((sum, [, c]) => sum + c.occupancy, 0),
      },
    });
  }

  #setState({ channels, segments, query }: RequestParts): Response {
    const state = parseJson(query.get("state"));
    if (!isPlainObject(state)) {
      return serviceError(400, "Invalid state", "Presence");
    }
    this.#presence.setState(segments[7] ?? "", channels, state);
    return presenceResponse({ payload: state });
  }

  #getState({ channels, segments }: RequestParts): Response {
    const uuid = segments[7] ?? "";
    const [only] = channels;
    if (channels.length === 1 && only !== undefined) {
      const payload = this.#presence.stateOf(only, uuid);
      return presenceResponse({ payload, uuid, channel: only });
    }
    const payload = Object.fromEntries(
      channels.map((channel) => [
        channel,
        this.#presence.stateOf(channel, uuid),
      ]),
    );
    return presenceResponse({ payload, uuid });
  }

  #emitPresence(channel: string, data: PresenceEventData): void {
    this.#store({
      a: "1",
      f: 0,
      i: "uuid" in data ? data.uuid : "",
      p: { t: nextTimetoken(), r: REGION },
      k: "sub-c-emulator",
      c: channel,
      d: data,
    });
  }

  #subscribe(
    parts: RequestParts,
    request: Request,
  ): Promise<EmulatorAnswer> | Response {
    const channels = new Set(parts.channels);
    for (const channel of channels) {
      if (channel.endsWith(PRESENCE_SUFFIX)) continue;
      const invalid = invalidChannelReason(channel, "subscribe");
      if (invalid)
        return serviceError(400, `Invalid channel: ${invalid}`, "Subscribe");
    }
    const tt = parts.query.get("tt");
    if (tt === null || tt === "0" || !/^\d+$/.test(tt)) {
      // The cursor first: the join comes after it, so the client sees it.
      const cursor = nextTimetoken();
      this.#heartbeat(parts);
      return subscribeResponse(cursor, []);
    }
    this.#heartbeat(parts);
    const cursor = BigInt(tt);
    const ready = this.#since(channels, cursor);
    if (ready.length > 0) {
      const response = subscribeResponse(lastTimetoken(ready), ready);
      if (this.#deliveryDelay === 0) return response;
      return new Promise((resolve) =>
        setTimeout(() => resolve(response), this.#deliveryDelay),
      );
    }
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => waiter.answer(subscribeResponse(tt, [])),
        this.#longPollTimeout,
      );
      const waiter: Waiter = {
        channels,
        userId: parts.query.get("uuid") ?? undefined,
        cursor,
        answer: (answer) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          request.signal.removeEventListener("abort", abort);
          resolve(answer);
        },
      };
      const abort = () => waiter.answer(NETWORK_ERROR);
      request.signal.addEventListener("abort", abort);
      this.#waiters.add(waiter);
    });
  }
}

function subscribeResponse(timetoken: string, envelopes: Envelope[]): Response {
  return jsonResponse(
    { t: { t: timetoken, r: REGION }, m: envelopes },
    200,
    SUBSCRIBE_CONTENT_TYPE,
  );
}

function lastTimetoken(envelopes: Envelope[]): string {
  return envelopes.at(-1)?.p.t ?? "0";
}

function faultResponse(status: number): Response {
  return status === 403
    ? serviceError(403, "Forbidden", "Access Manager", { channels: [] })
    : serviceError(status, "Emulated failure", "Emulator");
}

async function readBody(request: Request): Promise<string> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (request.headers.get("content-encoding") === "deflate") {
    try {
      const stream = new Blob([bytes])
        .stream()
        .pipeThrough(new DecompressionStream("deflate"));
      return await new Response(stream).text();
    } catch {
      // Browsers without CompressionStream send it raw, still labelled deflate.
    }
  }
  return new TextDecoder().decode(bytes);
}

/** The channel, message and meta of a GET publish, as escaped in its URL. */
function escapedPublishParts(url: URL): string[] {
  const path = url.pathname.split("/");
  const meta = /[?&]meta=([^&]*)/.exec(url.search)?.[1] ?? "";
  return [path[5] ?? "", path.slice(7).join("/"), meta];
}

function presenceResponse(fields: Record<string, unknown>): Response {
  return jsonResponse({
    status: 200,
    message: "OK",
    ...fields,
    service: "Presence",
  });
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

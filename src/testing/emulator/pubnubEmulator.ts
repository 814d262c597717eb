import { invalidChannelReason, nextTimetoken } from "../pubnubRules";
import { AccessManager } from "./accessManager";
import {
  type EmulatorFault,
  FaultQueue,
  type FaultTarget,
  faultResponse,
} from "./faults";
import { envelope, MessageLog } from "./messageLog";
import {
  EmulatedPresence,
  type EmulatorPresenceEvent,
  type EmulatorPresenceSettings,
  PRESENCE_SUFFIX,
} from "./presence";
import {
  getState,
  heartbeat,
  hereNow,
  presenceResponse,
  setState,
} from "./presenceRoutes";
import { readPublish } from "./publishRequest";
import { type RequestParts, requestParts } from "./requestParts";
import {
  EMULATOR_NETWORK_ERROR,
  type EmulatorAnswer,
  jsonResponse,
  preflightResponse,
  serviceError,
} from "./responses";

export type { EmulatorFault } from "./faults";
export type { EmulatorEnvelope } from "./messageLog";

/** Options of {@link PubNubEmulator}. */
export interface PubNubEmulatorOptions {
  /**
   * How long a subscribe long-poll is held before it is answered empty, in
   * ms. Real PubNub holds about 280 s; the SDK aborts at 310 s.
   * @default 20000
   */
  longPollTimeout?: number;
  /**
   * The queue a connection catches up from: at most this many messages
   * for all its channels combined, the oldest dropped first. Real PubNub:
   * 100, configurable per keyset.
   * @default 100
   */
  backlogLimit?: number;
  /**
   * How long a message stays in the queue, in ms. Real PubNub: up to 20
   * minutes.
   * @default 1200000
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
  presence?: EmulatorPresenceSettings;
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

/**
 * PubNub's REST protocol, emulated in memory for the real `pubnub` SDK:
 * time, publish (GET and deflated POST), signal, subscribe handshake and
 * long-poll with timetoken cursors and per-channel catch-up, and presence
 * (heartbeat, leave, timeout, here-now, state, `-pnpres` events). Any keys
 * work. It speaks the Fetch API (`handle(request)`), so the
 * same emulator serves msw handlers (`@refinedev/pubnub/testing/msw`) and
 * a local HTTP server (`@refinedev/pubnub/testing/server`).
 *
 * This file routes requests; the message log (`messageLog.ts`), presence
 * (`presence.ts`, `presenceRoutes.ts`), publish parsing
 * (`publishRequest.ts`), Access Manager and faults live beside it.
 */
export class PubNubEmulator {
  readonly #log: MessageLog;
  readonly #faults = new FaultQueue();
  readonly #requests: EmulatorRequest[] = [];
  readonly #accessManager: AccessManager | undefined;
  readonly #presence: EmulatedPresence;

  constructor(options: PubNubEmulatorOptions = {}) {
    this.#accessManager = options.accessManager
      ? new AccessManager()
      : undefined;
    this.#log = new MessageLog({
      longPollTimeout: options.longPollTimeout ?? 20_000,
      backlogLimit: options.backlogLimit ?? 100,
      backlogTtl: options.backlogTtl ?? 20 * 60_000,
    });
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
    return this.#log.pending();
  }

  /** Subscribe long-polls of `userId` (the `uuid` parameter) held right now. */
  pendingSubscribesOf(userId: string): number {
    return this.#log.pending(userId);
  }

  /** Answers one PubNub REST request. */
  async handle(request: Request): Promise<EmulatorAnswer> {
    if (request.method === "OPTIONS") return preflightResponse();
    const parts = requestParts(new URL(request.url));
    const { operation, query } = parts;
    this.#requests.push({
      operation,
      channels: parts.channels,
      userId: query.get("uuid") ?? undefined,
      timetoken: query.get("tt") ?? undefined,
      auth: query.get("auth") ?? undefined,
    });
    const fault = this.#faults.take(operation);
    if (fault?.network) return EMULATOR_NETWORK_ERROR;
    if (fault?.status !== undefined) return faultResponse(fault.status);
    const refusal = this.#accessManager?.refusal(parts);
    if (refusal) {
      return serviceError(403, refusal.message, "Access Manager", {
        channels: refusal.channels,
      });
    }
    return this.#route(parts, request);
  }

  #route(
    parts: RequestParts,
    request: Request,
  ): EmulatorAnswer | Promise<EmulatorAnswer> {
    const presence = this.#presence;
    switch (parts.operation) {
      case "time":
        return jsonResponse([Number(nextTimetoken())]);
      case "publish":
      case "signal":
        return this.#publish(parts, request);
      case "subscribe":
        return this.#subscribe(parts, request);
      case "heartbeat":
        heartbeat(presence, parts);
        return presenceResponse({});
      case "leave":
        presence.leave(parts.query.get("uuid") ?? "", parts.channels);
        return presenceResponse({ action: "leave" });
      case "here-now":
        return hereNow(presence, parts);
      case "set-state":
        return setState(presence, parts);
      case "get-state":
        return getState(presence, parts);
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
    const stored = envelope(
      channel,
      message,
      options.publisher ?? "server",
      options.subscribeKey,
    );
    if (options.meta !== undefined) stored.u = options.meta;
    this.#log.store(stored);
    return stored.p.t;
  }

  /**
   * Makes the next `times` requests of `operation` (or of any operation)
   * fail: `{ status: 500 }`, `{ status: 403 }` or `{ network: true }`.
   */
  failNext(target: FaultTarget, fault: EmulatorFault, times = 1): void {
    this.#faults.add(target, fault, times);
  }

  /**
   * Ends every held subscribe long-poll with a failure: by default a dropped
   * connection, as in a network outage; or e.g. `{ status: 403 }` for a
   * token that expired while connected.
   */
  failPendingSubscribes(fault: EmulatorFault = { network: true }): void {
    const { status } = fault;
    this.#log.answerPending(() =>
      fault.network || status === undefined
        ? EMULATOR_NETWORK_ERROR
        : faultResponse(status),
    );
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
    this.#log.clear();
  }

  /** Holds every delivery back by `ms` milliseconds (0 to stop). */
  delayDelivery(ms: number): void {
    this.#log.delayDelivery(ms);
  }

  /** Answers every held long-poll empty, so clients and timers can stop. */
  close(): void {
    this.#presence.close();
    this.#log.close();
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
    const published = await readPublish(parts, request);
    if (published instanceof Response) return published;
    const { channel, message, meta, publisher, subscribeKey } = published;
    const timetoken = this.publish(channel, message, {
      publisher,
      meta,
      subscribeKey,
    });
    const stored = this.#log.newest(channel);
    if (stored && published.customType) stored.cmt = published.customType;
    if (stored && published.signal) stored.e = 1;
    return jsonResponse([1, "Sent", timetoken]);
  }

  #emitPresence(channel: string, data: EmulatorPresenceEvent): void {
    this.#log.store(envelope(channel, data, "uuid" in data ? data.uuid : ""));
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
      const answer = this.#log.handshake();
      heartbeat(this.#presence, parts);
      return answer;
    }
    heartbeat(this.#presence, parts);
    const userId = parts.query.get("uuid") ?? undefined;
    return this.#log.poll(channels, tt, userId, request.signal);
  }
}

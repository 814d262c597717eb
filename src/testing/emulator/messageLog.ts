import { nextTimetoken } from "../pubnubRules";
import {
  EMULATOR_NETWORK_ERROR,
  type EmulatorAnswer,
  jsonResponse,
} from "./responses";

/** A message envelope, as PubNub sends it in a subscribe response. */
export interface EmulatorEnvelope {
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

/** A held subscribe long-poll. */
interface Waiter {
  channels: ReadonlySet<string>;
  userId: string | undefined;
  cursor: bigint;
  answer(response: EmulatorAnswer): void;
}

export interface MessageLogOptions {
  /** How long a long-poll is held before it is answered empty, in ms. */
  longPollTimeout: number;
  /**
   * Messages one subscribe answer carries at most, all its channels
   * combined: PubNub's queue per connection. Older ones are dropped.
   */
  backlogLimit: number;
  /** How long a message stays available for catch-up, in ms. */
  backlogTtl: number;
}

const SUBSCRIBE_CONTENT_TYPE = 'text/javascript; charset="UTF-8"';
const REGION = 1;

/** A new envelope with the next timetoken. */
export function envelope(
  channel: string,
  data: unknown,
  publisher: string,
  subscribeKey = "sub-c-emulator",
): EmulatorEnvelope {
  return {
    a: "1",
    f: 0,
    i: publisher,
    p: { t: nextTimetoken(), r: REGION },
    k: subscribeKey,
    c: channel,
    d: data,
  };
}

/**
 * What subscribers see: every channel's recent messages (the catch-up
 * backlog PubNub keeps for a reconnecting client), and the long-polls
 * waiting for the next one, each answered with everything after its
 * timetoken cursor.
 */
export class MessageLog {
  readonly #options: MessageLogOptions;
  readonly #backlog = new Map<
    string,
    Array<EmulatorEnvelope & { at: number }>
  >();
  readonly #waiters = new Set<Waiter>();
  #deliveryDelay = 0;

  constructor(options: MessageLogOptions) {
    this.#options = options;
  }

  /** Long-polls held now, of everyone or of one `userId`. */
  pending(userId?: string): number {
    let count = 0;
    for (const waiter of this.#waiters) {
      if (userId === undefined || waiter.userId === userId) count++;
    }
    return count;
  }

  /** Keeps `stored` and answers the long-polls of its channel. */
  store(stored: EmulatorEnvelope): void {
    const now = Date.now();
    const log = (this.#backlog.get(stored.c) ?? []).filter(
      ({ at }) => now - at < this.#options.backlogTtl,
    );
    log.push({ ...stored, at: now });
    while (log.length > this.#options.backlogLimit) log.shift();
    this.#backlog.set(stored.c, log);
    const notify = () => {
      for (const waiter of [...this.#waiters]) {
        if (!waiter.channels.has(stored.c)) continue;
        const envelopes = this.#since(waiter.channels, waiter.cursor);
        if (envelopes.length > 0) {
          waiter.answer(subscribeResponse(lastTimetoken(envelopes), envelopes));
        }
      }
    };
    if (this.#deliveryDelay > 0) setTimeout(notify, this.#deliveryDelay);
    else queueMicrotask(notify);
  }

  /** The envelope just stored on `channel`, to add fields to. */
  newest(channel: string): EmulatorEnvelope | undefined {
    return this.#backlog.get(channel)?.at(-1);
  }

  /** A handshake's answer: a cursor, no messages. */
  handshake(): Response {
    return subscribeResponse(nextTimetoken(), []);
  }

  /**
   * A long-poll from `tt` on `channels`: answered at once with what came
   * after it, else held until a message comes or the timeout.
   */
  poll(
    channels: ReadonlySet<string>,
    tt: string,
    userId: string | undefined,
    signal: AbortSignal,
  ): Promise<EmulatorAnswer> | Response {
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
        this.#options.longPollTimeout,
      );
      const waiter: Waiter = {
        channels,
        userId,
        cursor,
        answer: (answer) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          signal.removeEventListener("abort", abort);
          resolve(answer);
        },
      };
      const abort = () => waiter.answer(EMULATOR_NETWORK_ERROR);
      signal.addEventListener("abort", abort);
      this.#waiters.add(waiter);
    });
  }

  /** Ends every held long-poll with `answer()` (one body per long-poll). */
  answerPending(answer: () => EmulatorAnswer): void {
    for (const waiter of [...this.#waiters]) waiter.answer(answer());
  }

  /** Answers every held long-poll empty. */
  close(): void {
    for (const waiter of [...this.#waiters]) {
      waiter.answer(subscribeResponse(waiter.cursor.toString(), []));
    }
  }

  /** Forgets every stored message. */
  clear(): void {
    this.#backlog.clear();
  }

  /** Holds every delivery back by `ms` milliseconds (0 to stop). */
  delayDelivery(ms: number): void {
    this.#deliveryDelay = ms;
  }

  /**
   * What came after `cursor` on `channels` and is still queued: younger
   * than `backlogTtl`, and the newest `backlogLimit` of all the channels
   * combined (PubNub drops the oldest of a connection's queue).
   */
  #since(channels: ReadonlySet<string>, cursor: bigint): EmulatorEnvelope[] {
    const { backlogLimit, backlogTtl } = this.#options;
    const oldest = Date.now() - backlogTtl;
    const found: EmulatorEnvelope[] = [];
    for (const channel of channels) {
      for (const { at, ...stored } of this.#backlog.get(channel) ?? []) {
        if (at > oldest && BigInt(stored.p.t) > cursor) found.push(stored);
      }
    }
    found.sort((a, b) => (BigInt(a.p.t) < BigInt(b.p.t) ? -1 : 1));
    return found.slice(-backlogLimit);
  }
}

function subscribeResponse(
  timetoken: string,
  envelopes: EmulatorEnvelope[],
): Response {
  return jsonResponse(
    { t: { t: timetoken, r: REGION }, m: envelopes },
    200,
    SUBSCRIBE_CONTENT_TYPE,
  );
}

function lastTimetoken(envelopes: EmulatorEnvelope[]): string {
  return envelopes.at(-1)?.p.t ?? "0";
}

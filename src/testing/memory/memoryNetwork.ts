import { nextTimetoken } from "../pubnubRules";
import { MemoryPresence } from "./memoryPresence";
import type { MemoryPubNub } from "./memoryPubNub";

/** A message as the memory network carried it. */
export interface MemoryMessage {
  channel: string;
  message: unknown;
  timetoken: string;
  publisher: string;
  meta?: Record<string, unknown> | undefined;
}

/** Options of {@link MemoryNetwork.publish}. */
export interface MemoryPublishOptions {
  /** The publisher's userId. @default "server" */
  publisher?: string;
  /** PubNub `meta` (the envelope's `userMetadata`). */
  meta?: Record<string, unknown> | undefined;
}

/** A PubNub status as the SDK passes it to status listeners. */
export interface MemoryStatus {
  category: string;
  statusCode?: number;
  error?: boolean | string;
  affectedChannels?: string[];
  operation?: string;
  /** The subscribe cursor, on `PNConnectedCategory` (as pubnub 9 to 12). */
  currentTimetoken?: string;
}

/**
 * The "cloud" that {@link MemoryPubNub} clients share: it carries every
 * publish to every client subscribed to the channel, asynchronously like the
 * real service. Tests can publish as a backend, read what was published,
 * and make publishes fail.
 */
export class MemoryNetwork {
  readonly #clients = new Set<MemoryPubNub>();
  readonly #messages: MemoryMessage[] = [];
  readonly #publishFailures: MemoryStatus[] = [];
  #idle: Promise<void> = Promise.resolve();
  /** Who is present where. */
  readonly presence: MemoryPresence = new MemoryPresence((event) =>
    this.schedule(() => {
      for (const client of this.#clients) client.deliverPresence(event);
    }),
  );

  /** Makes `userId` vanish without leaving, as a crashed tab does. */
  timeout(userId: string): void {
    for (const channel of this.presence.channelsOf(userId)) {
      this.presence.drop(channel, userId, "timeout");
    }
  }

  /** Every message published on this network, oldest first. */
  get messages(): readonly MemoryMessage[] {
    return this.#messages;
  }

  /** @internal Called by MemoryPubNub. */
  attach(client: MemoryPubNub): void {
    this.#clients.add(client);
  }

  /** @internal Called by MemoryPubNub.destroy(). */
  detach(client: MemoryPubNub): void {
    this.#clients.delete(client);
  }

  /** Publishes as a backend would; returns the timetoken. */
  publish(
    channel: string,
    message: unknown,
    options: MemoryPublishOptions = {},
  ): string {
    const entry: MemoryMessage = {
      channel,
      message,
      timetoken: nextTimetoken(),
      publisher: options.publisher ?? "server",
      meta: options.meta,
    };
    this.#messages.push(entry);
    this.schedule(() => {
      for (const client of this.#clients) client.deliver(entry);
    });
    return entry.timetoken;
  }

  /**
   * Makes the next publish (of any client) fail with this status, e.g.
   * `{ category: "PNAccessDeniedCategory", statusCode: 403 }`.
   */
  failNextPublish(
    status: MemoryStatus = {
      category: "PNNetworkIssuesCategory",
      statusCode: 0,
    },
  ): void {
    this.#publishFailures.push(status);
  }

  /** @internal The failure queued for the next publish, if any. */
  takePublishFailure(): MemoryStatus | undefined {
    return this.#publishFailures.shift();
  }

  /** @internal Runs `task` after what is already scheduled. */
  schedule(task: () => void): Promise<void> {
    this.#idle = this.#idle.then(() => {
      try {
        task();
      } catch (error) {
        // A throwing listener surfaces as an uncaught error, as with the SDK.
        setTimeout(() => {
          throw error;
        });
      }
    });
    return this.#idle;
  }

  /** Resolves once every message and status published so far was delivered. */
  async flush(): Promise<void> {
    let idle: Promise<void>;
    do {
      idle = this.#idle;
      await idle;
    } while (idle !== this.#idle);
  }
}

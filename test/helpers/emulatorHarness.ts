import {
  PubNubEmulator,
  type PubNubEmulatorOptions,
} from "@refinedev/pubnub/testing";
import { pubnubHandlers } from "@refinedev/pubnub/testing/msw";
import { setupServer } from "msw/node";
import PubNub from "pubnub";
import { onTestFinished } from "vitest";
import { activeLoop, loopOptions, sendsPresenceCalls } from "./pubnubVersion";

type ClientOptions = Record<string, unknown>;

/**
 * The PubNub emulator behind msw, and real `pubnub` clients that talk to it.
 * Call `close()` in `afterEach`.
 */
export function emulatorHarness(options: PubNubEmulatorOptions = {}) {
  const emulator = new PubNubEmulator({ longPollTimeout: 5_000, ...options });
  const server = setupServer(...pubnubHandlers(emulator));
  server.listen({ onUnhandledRequest: "error" });
  const clients: PubNub[] = [];
  return {
    emulator,
    client(userId = "alice", clientOptions: ClientOptions = {}): PubNub {
      const client = new PubNub({
        publishKey: "pub-c-test",
        subscribeKey: "sub-c-test",
        userId,
        ...loopOptions,
        ...clientOptions,
      } as ConstructorParameters<typeof PubNub>[0]);
      clients.push(client);
      return client;
    },
    /** Operations the emulator saw, optionally for one of them only. */
    requests(operation?: string) {
      return emulator.requests.filter(
        (request) => operation === undefined || request.operation === operation,
      );
    },
    /**
     * Requests that join channels: the event engine's heartbeats, or the
     * first subscribe where there is no separate join (the older loop, and
     * pubnub 8's event engine).
     */
    joins(userId?: string) {
      const heartbeats = activeLoop === "event-engine" && sendsPresenceCalls();
      return emulator.requests.filter(
        (request) =>
          (userId === undefined || request.userId === userId) &&
          (heartbeats
            ? request.operation === "heartbeat"
            : request.operation === "subscribe" &&
              (request.timetoken ?? "0") === "0"),
      );
    },
    async close() {
      for (const client of clients) client.destroy();
      emulator.close();
      await new Promise((resolve) => setTimeout(resolve, 10));
      server.close();
    },
  };
}

/** Polls `check` until it passes or `timeout` ms have gone by. */
export async function eventually(
  check: () => void,
  timeout = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Resolves once the client reports PNConnectedCategory. */
export function connected(client: PubNub): Promise<void> {
  return new Promise((resolve) => {
    const listener = {
      status: (status: { category?: string }) => {
        if (status.category === "PNConnectedCategory") {
          // Later: pubnub skips the next listener when one removes itself
          // while a status is announced.
          queueMicrotask(() => client.removeListener(listener));
          resolve();
        }
      },
    };
    client.addListener(listener);
  });
}

/** An {@link emulatorHarness} that closes by itself when the test ends. */
export function testEmulator(options: PubNubEmulatorOptions = {}) {
  const harness = emulatorHarness(options);
  onTestFinished(() => harness.close());
  return harness;
}

export type EmulatorHarness = ReturnType<typeof emulatorHarness>;

import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import {
  type EmulatorServer,
  startEmulatorServer,
} from "@refinedev/pubnub/testing/server";
import PubNub from "pubnub";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually } from "./helpers/emulatorHarness";

let server: EmulatorServer | undefined;
const clients: PubNub[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  server = undefined;
});

function client(origin: string, userId: string): PubNub {
  const pubnub = new PubNub({
    origin,
    ssl: false,
    publishKey: "demo",
    subscribeKey: "demo",
    userId,
  });
  clients.push(pubnub);
  return pubnub;
}

describe("startEmulatorServer()", () => {
  it("should serve real SDK clients on 127.0.0.1", async () => {
    server = await startEmulatorServer({ port: 0, longPollTimeout: 2_000 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const alice = client(server.origin, "alice");
    const bob = client(server.origin, "bob");
    const received: unknown[] = [];
    const subscription = bob.channel("resources.posts").subscription();
    subscription.onMessage = (event) => received.push(event.message);
    subscription.subscribe();
    await connected(bob);
    await alice.publish({
      channel: "resources.posts",
      message: { type: "created" },
    });
    await alice.publish({
      channel: "resources.posts",
      message: { type: "updated" },
      sendByPost: true,
    });
    await eventually(() =>
      expect(received).toEqual([{ type: "created" }, { type: "updated" }]),
    );
  });

  it("should answer browsers' CORS preflights and add CORS headers", async () => {
    server = await startEmulatorServer({ port: 0 });
    const preflight = await fetch(`${server.url}/v2/subscribe/demo/a/0`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "GET",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const time = await fetch(`${server.url}/time/0`, {
      headers: { origin: "http://localhost:5173" },
    });
    expect(time.headers.get("access-control-allow-origin")).toBe("*");
    expect(await time.json()).toEqual([expect.any(Number)]);
  });

  it("should drop connections when told to, and the SDK should retry", async () => {
    server = await startEmulatorServer({ port: 0, longPollTimeout: 2_000 });
    const bob = client(server.origin, "bob");
    const received: unknown[] = [];
    const subscription = bob.channel("a").subscription();
    subscription.onMessage = (event) => received.push(event.message);
    subscription.subscribe();
    await connected(bob);
    await eventually(() => expect(server?.emulator.pendingSubscribes).toBe(1));
    server.emulator.dropConnections();
    server.emulator.publish("a", { n: 1 });
    await eventually(() => expect(received).toEqual([{ n: 1 }]), 8_000);
  });

  it("should refuse a port that is taken with a clear error", async () => {
    server = await startEmulatorServer({ port: 0 });
    await expect(startEmulatorServer({ port: server.port })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});

describe("refine-pubnub-emulator (CLI)", () => {
  const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

  it("should print its URL, serve the SDK, and stop on SIGTERM", async () => {
    const child = spawn(process.execPath, [cli, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let output = "";
      child.stdout.on("data", (chunk) => {
        output += chunk;
      });
      await eventually(() =>
        expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/),
      );
      const origin = /http:\/\/(127\.0\.0\.1:\d+)/.exec(output)?.[1] as string;
      const { timetoken } = await client(origin, "cli").time();
      expect(String(timetoken)).toMatch(/^\d{17}$/);
      for (const pubnub of clients.splice(0)) pubnub.destroy();
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("should explain bad arguments and exit 1", async () => {
    const child = spawn(process.execPath, [cli, "--port", "http"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk) => {
      errors += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(errors).toMatch(/--port must be a port number/);
    expect(errors).toMatch(/Usage: refine-pubnub-emulator/);
  });
});

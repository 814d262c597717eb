import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  PubNubEmulator,
  type PubNubEmulatorOptions,
} from "./emulator/pubnubEmulator";
import { EMULATOR_NETWORK_ERROR } from "./emulator/responses";

/** Options of {@link startEmulatorServer}. */
export interface EmulatorServerOptions extends PubNubEmulatorOptions {
  /** @default 4100; 0 picks a free port */
  port?: number;
  /**
   * The address to listen on. Only loopback unless you say otherwise.
   * @default "127.0.0.1"
   */
  host?: string;
  /** Serve this emulator instead of a new one. */
  emulator?: PubNubEmulator;
}

/** A running emulator server. */
export interface EmulatorServer {
  /** e.g. `http://127.0.0.1:4100` */
  readonly url: string;
  /** For PubNub's `origin` option, e.g. `127.0.0.1:4100` (with `ssl: false`). */
  readonly origin: string;
  readonly port: number;
  readonly emulator: PubNubEmulator;
  /** Answers held long-polls, closes every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Serves the PubNub emulator over HTTP, with CORS for browser apps.
 * Clients connect with `origin: server.origin, ssl: false`.
 */
export async function startEmulatorServer(
  options: EmulatorServerOptions = {},
): Promise<EmulatorServer> {
  const { port = 4100, host = "127.0.0.1", ...emulatorOptions } = options;
  const emulator = options.emulator ?? new PubNubEmulator(emulatorOptions);
  const server = createServer((request, response) => {
    serve(emulator, host, request, response).catch(() => {
      response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const origin = `${host.includes(":") ? `[${host}]` : host}:${actualPort}`;
  return {
    url: `http://${origin}`,
    origin,
    port: actualPort,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  emulator: PubNubEmulator,
  host: string,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const aborted = new AbortController();
  outgoing.on("close", () => aborted.abort());
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const request = new Request(`http://${host}${incoming.url ?? "/"}`, {
    method,
    headers,
    signal: aborted.signal,
    ...(method === "GET" || method === "HEAD" || method === "OPTIONS"
      ? {}
      : { body: Buffer.concat(chunks) }),
  });
  const answer = await emulator.handle(request);
  if (answer === EMULATOR_NETWORK_ERROR) {
    outgoing.destroy();
    return;
  }
  outgoing.writeHead(answer.status, Object.fromEntries(answer.headers));
  outgoing.end(Buffer.from(await answer.arrayBuffer()));
}

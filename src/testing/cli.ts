#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulatorServer } from "./server";

const USAGE = `Usage: refine-pubnub-emulator [--port 4100] [--host 127.0.0.1] [--long-poll-timeout 20000] [--access-manager]

Serves an emulation of PubNub's REST protocol for the pubnub SDK, with any keys.
Connect with: new PubNub({ origin: "127.0.0.1:4100", ssl: false, publishKey: "demo", subscribeKey: "demo", userId })`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4100" },
      host: { type: "string", default: "127.0.0.1" },
      "long-poll-timeout": { type: "string", default: "20000" },
      "access-manager": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const longPollTimeout = Number(values["long-poll-timeout"]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port must be a port number from 0 to 65535, got "${values.port}"`,
    );
  }
  if (!(longPollTimeout > 0)) {
    throw new Error(
      "--long-poll-timeout must be a positive number of milliseconds",
    );
  }
  const server = await startEmulatorServer({
    port,
    host: values.host,
    longPollTimeout,
    accessManager: values["access-manager"],
  });
  console.log(`PubNub emulator listening on ${server.url}`);
  console.log(`Connect with: { origin: "${server.origin}", ssl: false }`);
  if (values["access-manager"]) {
    console.log(
      "Access Manager is on: clients need tokens granted by a client with a secretKey.",
    );
  }
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(
    `refine-pubnub-emulator: ${error instanceof Error ? error.message : String(error)}`,
  );
  console.error(USAGE);
  process.exit(1);
});

import { HttpResponse, http, type RequestHandler } from "msw";
import { PubNubEmulator } from "./emulator/pubnubEmulator";
import { EMULATOR_NETWORK_ERROR } from "./emulator/responses";

const PUBNUB_PATH =
  /^https?:\/\/[^/]+\/(?:time\/0|publish\/|signal\/|v2\/subscribe\/|v2\/presence\/|v3\/pam\/)/;

/**
 * msw request handlers that answer the real `pubnub` SDK's HTTP requests
 * from a {@link PubNubEmulator}, whatever origin the client uses.
 *
 * @example
 * const emulator = new PubNubEmulator();
 * const server = setupServer(...pubnubHandlers(emulator));
 * server.listen();
 */
export function pubnubHandlers(
  emulator: PubNubEmulator = new PubNubEmulator(),
): RequestHandler[] {
  return [
    http.all(PUBNUB_PATH, async ({ request }) => {
      const answer = await emulator.handle(request);
      return answer === EMULATOR_NETWORK_ERROR ? HttpResponse.error() : answer;
    }),
  ];
}

export { PubNubEmulator };

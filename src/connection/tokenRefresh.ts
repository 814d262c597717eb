import { CallbackError } from "../errors/CallbackError";
import type { PubNubClient } from "../pubnubClient";

/**
 * Asks the app's `getToken` for a new Access Manager token and gives it to
 * the client.
 *
 * @throws {CallbackError} when getToken throws, rejects or returns no token.
 */
export async function refreshToken(
  client: PubNubClient,
  getToken: () => string | Promise<string>,
): Promise<void> {
  let token: unknown;
  try {
    token = await getToken();
  } catch (cause) {
    throw new CallbackError({ callback: "getToken", cause });
  }
  if (typeof token !== "string" || token === "") {
    throw new CallbackError({
      callback: "getToken",
      cause: new TypeError(`it returned ${JSON.stringify(token)}, not a token`),
    });
  }
  client.setToken(token);
}

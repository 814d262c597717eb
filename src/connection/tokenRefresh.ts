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
    throw new CallbackError({ reason: "getToken", cause });
  }
  if (typeof token !== "string" || token === "") {
    throw new CallbackError({
      reason: "getToken",
      cause: new TypeError(
        process.env.NODE_ENV !== "production"
          ? `it returned ${JSON.stringify(token)}, not a token`
          : "",
      ),
    });
  }
  client.setToken(token);
}

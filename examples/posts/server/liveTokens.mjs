// Access Manager tokens for browsers: read on the app's live channels and
// their presence, for one user, no write. Browsers hold these instead of a
// publish key, and ask for a new one (GET /live-token) when PubNub refuses
// an expired one (the live provider's `getToken`).
import { grantLiveToken } from "@refinedev/pubnub/server";
import { RESOURCES } from "./records.mjs";

/** A PubNub user id as the example's login makes them (`alice`, `bob-2`). */
const USER_ID = /^[A-Za-z0-9_.-]{1,92}$/;

/**
 * `issueToken(userId)` → `{ token, ttl }`; `ttl` in minutes. A real app
 * takes the user from its session; the example's login has no passwords,
 * so it trusts the id the browser names.
 */
export function liveTokenIssuer(pubnub, { ttl = 60 } = {}) {
  return async (userId) => {
    if (typeof userId !== "string" || !USER_ID.test(userId)) {
      throw Object.assign(
        new Error("GET /live-token needs ?userId= (letters, digits, . _ -)"),
        { status: 400 },
      );
    }
    const token = await grantLiveToken(pubnub, {
      userId,
      resources: Object.keys(RESOURCES),
      ttl,
    });
    return { token, ttl };
  };
}

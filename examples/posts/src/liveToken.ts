const API_URL = import.meta.env.VITE_API_URL ?? "http://127.0.0.1:4000";

/**
 * A subscribe-only PubNub token for `userId`, from the API's
 * GET /live-token. A real app's API takes the user from its session.
 */
export async function fetchLiveToken(userId: string): Promise<string> {
  const response = await fetch(
    `${API_URL}/live-token?${new URLSearchParams({ userId })}`,
  );
  const body = (await response.json()) as { token?: string; message?: string };
  if (!response.ok || !body.token) {
    throw new Error(
      `GET /live-token failed: ${body.message ?? response.status}`,
    );
  }
  return body.token;
}

/** Marks a request the emulator answers by dropping the connection. */
export const EMULATOR_NETWORK_ERROR: unique symbol = Symbol("network error");

/** What the emulator answers: an HTTP response, or a dropped connection. */
export type EmulatorAnswer = Response | typeof EMULATOR_NETWORK_ERROR;

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-max-age": "600",
};

/** JSON the way PubNub sends it: always with a Content-Type, CORS open. */
export function jsonResponse(
  body: unknown,
  status = 200,
  contentType = "application/json; charset=UTF-8",
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": contentType, ...CORS_HEADERS },
  });
}

/** The answer to a CORS preflight. */
export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** A PubNub service error body, e.g. for 400 or 403. */
export function serviceError(
  status: number,
  message: string,
  service = "Access Manager",
  payload?: unknown,
): Response {
  return jsonResponse(
    {
      message,
      ...(payload === undefined ? {} : { payload }),
      error: true,
      service,
      status,
    },
    status,
  );
}

import { isPlainObject } from "../../jsonSafe";
import type { EmulatedPresence } from "./presence";
import type { RequestParts } from "./requestParts";
import { jsonResponse, serviceError } from "./responses";

// The presence REST routes, answered from an EmulatedPresence.

/** A subscribe or heartbeat: joins or refreshes the client's user. */
export function heartbeat(
  presence: EmulatedPresence,
  { channels, query }: RequestParts,
): void {
  const seconds = Number(query.get("heartbeat") ?? Number.NaN);
  const states = parseJson(query.get("state"));
  presence.heartbeat(
    query.get("uuid") ?? "",
    channels,
    Number.isFinite(seconds) ? seconds : undefined,
    isPlainObject(states) ? states : {},
  );
}

export function hereNow(
  presence: EmulatedPresence,
  { channels, query }: RequestParts,
): Response {
  const withState = query.get("state") === "1";
  const withUuids = query.get("disable_uuids") !== "1";
  const occupancy = (channel: string) => {
    const members = presence.membersOf(channel);
    const uuids = members.map(({ uuid, state }) =>
      withState ? { uuid, ...(state ? { state } : {}) } : uuid,
    );
    return withUuids
      ? { occupancy: members.length, uuids }
      : { occupancy: members.length };
  };
  const [only] = channels;
  if (channels.length === 1 && only !== undefined) {
    return presenceResponse(occupancy(only));
  }
  const found = channels
    .map((channel) => [channel, occupancy(channel)] as const)
    .filter(([, channel]) => channel.occupancy > 0);
  return presenceResponse({
    payload: {
      channels: Object.fromEntries(found),
      total_channels: found.length,
      total_occupancy: found.reduce((sum, [, c]) => sum + c.occupancy, 0),
    },
  });
}

export function setState(
  presence: EmulatedPresence,
  { channels, segments, query }: RequestParts,
): Response {
  const state = parseJson(query.get("state"));
  if (!isPlainObject(state)) {
    return serviceError(400, "Invalid state", "Presence");
  }
  presence.setState(segments[7] ?? "", channels, state);
  return presenceResponse({ payload: state });
}

export function getState(
  presence: EmulatedPresence,
  { channels, segments }: RequestParts,
): Response {
  const uuid = segments[7] ?? "";
  const [only] = channels;
  if (channels.length === 1 && only !== undefined) {
    const payload = presence.stateOf(only, uuid);
    return presenceResponse({ payload, uuid, channel: only });
  }
  const payload = Object.fromEntries(
    channels.map((channel) => [channel, presence.stateOf(channel, uuid)]),
  );
  return presenceResponse({ payload, uuid });
}

export function presenceResponse(fields: Record<string, unknown>): Response {
  return jsonResponse({
    status: 200,
    message: "OK",
    ...fields,
    service: "Presence",
  });
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

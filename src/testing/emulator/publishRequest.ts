import { isPlainObject } from "../../jsonSafe";
import {
  invalidChannelReason,
  isTooLarge,
  isTooLargeEscaped,
  nextTimetoken,
} from "../pubnubRules";
import type { RequestParts } from "./requestParts";
import { jsonResponse, serviceError } from "./responses";

/** What a publish or signal request asks for. */
export interface PublishRequest {
  channel: string;
  message: unknown;
  /** PubNub `meta`, when it is an object. */
  meta: Record<string, unknown> | undefined;
  subscribeKey: string;
  publisher: string;
  customType: string | null;
  signal: boolean;
}

/**
 * Reads a publish (GET, or POST with a body that may be deflated) or a
 * signal; answers PubNub's error response for what PubNub refuses.
 */
export async function readPublish(
  { segments, query, operation }: RequestParts,
  request: Request,
): Promise<PublishRequest | Response> {
  const [, publishKey, subscribeKey = "", , channel = ""] = segments;
  if (!publishKey || publishKey === "undefined") {
    return serviceError(400, "Invalid publish key", "Publish");
  }
  const invalid = invalidChannelReason(channel, "publish");
  if (invalid) {
    return serviceError(400, `Invalid channel: ${invalid}`, "Publish");
  }
  let message: unknown;
  let meta: unknown;
  try {
    const text =
      request.method === "POST"
        ? await readBody(request)
        : (segments.slice(6).join("/") ?? "");
    message = JSON.parse(text);
    const metaText = query.get("meta");
    meta = metaText === null ? undefined : JSON.parse(metaText);
  } catch {
    return jsonResponse([0, "Invalid JSON", nextTimetoken()], 400);
  }
  const tooLarge =
    request.method === "POST"
      ? isTooLarge(channel, message, meta)
      : isTooLargeEscaped(escapedPublishParts(new URL(request.url)));
  if (tooLarge) {
    return jsonResponse([0, "Message Too Large", nextTimetoken()], 413);
  }
  return {
    channel,
    message,
    meta: isPlainObject(meta) ? meta : undefined,
    subscribeKey,
    publisher: query.get("uuid") ?? "",
    customType: query.get("custom_message_type"),
    signal: operation === "signal",
  };
}

async function readBody(request: Request): Promise<string> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (request.headers.get("content-encoding") === "deflate") {
    try {
      const stream = new Blob([bytes])
        .stream()
        .pipeThrough(new DecompressionStream("deflate"));
      return await new Response(stream).text();
    } catch {
      // Browsers without CompressionStream send it raw, still labelled deflate.
    }
  }
  return new TextDecoder().decode(bytes);
}

/** The channel, message and meta of a GET publish, as escaped in its URL. */
function escapedPublishParts(url: URL): string[] {
  const path = url.pathname.split("/");
  const meta = /[?&]meta=([^&]*)/.exec(url.search)?.[1] ?? "";
  return [path[5] ?? "", path.slice(7).join("/"), meta];
}

/** The parts of a PubNub REST request the emulator routes on. */
export interface RequestParts {
  operation:
    | "time"
    | "publish"
    | "signal"
    | "subscribe"
    | "heartbeat"
    | "leave"
    | "here-now"
    | "set-state"
    | "get-state"
    | "grant"
    | "unknown";
  /** Decoded path segments after the operation's prefix. */
  segments: string[];
  /** Channels named in the path, decoded. */
  channels: string[];
  query: URLSearchParams;
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

// A channel list is comma-separated in the raw path; a `,` inside a name is
// percent-encoded, so split first, then decode.
const channelList = (raw: string | undefined) =>
  raw === undefined || raw === "," ? [] : raw.split(",").map(decode);

/** Parses a PubNub REST URL (raw, still percent-encoded). */
export function requestParts(url: URL): RequestParts {
  const raw = url.pathname.split("/").slice(1);
  const query = url.searchParams;
  const [first, second] = raw;
  const parts = (
    operation: RequestParts["operation"],
    channels: string[] = [],
  ): RequestParts => ({
    operation,
    segments: raw.map(decode),
    channels,
    query,
  });
  if (first === "time") return parts("time");
  if (first === "publish" || first === "signal") {
    return parts(first, [decode(raw[4] ?? "")]);
  }
  if (first === "v2" && second === "subscribe") {
    return parts("subscribe", channelList(raw[3]));
  }
  if (first === "v2" && second === "presence" && raw[4] === "channel") {
    const channels = channelList(raw[5]);
    const action = raw[6];
    if (action === "heartbeat" || action === "leave") {
      return parts(action, channels);
    }
    if (action === undefined) return parts("here-now", channels);
    if (action === "uuid") {
      return parts(raw[8] === "data" ? "set-state" : "get-state", channels);
    }
  }
  if (first === "v3" && second === "pam" && raw[3] === "grant") {
    return parts("grant");
  }
  return parts("unknown");
}

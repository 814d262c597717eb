import { PUBNUB_MESSAGE_LIMIT, publishSize } from "../publishSize";

// What real PubNub refuses in a channel name.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
const FORBIDDEN = /[\u0000-\u0020\u007f,:*/\\]/;
const MAX_LENGTH = 92;

/**
 * Why PubNub would refuse this channel name, or `undefined` if it is valid.
 * Publishing also refuses names of more than three `.`-separated segments.
 */
export function invalidChannelReason(
  name: string,
  operation: "publish" | "subscribe",
): string | undefined {
  if (name === "") return "the channel name is empty";
  if ([...name].length > MAX_LENGTH) {
    return `the channel name is over ${MAX_LENGTH} characters`;
  }
  const forbidden = FORBIDDEN.exec(name);
  if (forbidden) {
    return `the channel name contains ${JSON.stringify(forbidden[0])}`;
  }
  if (operation === "publish" && name.split(".").length > 3) {
    return "publishing needs a channel name of at most 3 dot-separated segments";
  }
  return undefined;
}

/** True when PubNub would answer 413 Message Too Large. */
export function isTooLarge(
  channel: string,
  message: unknown,
  meta?: unknown,
): boolean {
  return publishSize(channel, message, meta) > PUBNUB_MESSAGE_LIMIT;
}

let lastTimetoken = 0n;

/** A 17-digit PubNub timetoken, strictly increasing within this process. */
export function nextTimetoken(): string {
  let timetoken = BigInt(Date.now()) * 10_000n;
  if (timetoken <= lastTimetoken) timetoken = lastTimetoken + 1n;
  lastTimetoken = timetoken;
  return timetoken.toString();
}

// Written from PubNub's documented rules, not imported from the provider:
// the emulator must be able to catch the provider's own mistakes.

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

/**
 * PubNub answers 413 to a publish over 32 KiB, counted on the URL-escaped
 * channel name, message and meta.
 */
const MAX_PUBLISH_BYTES = 32 * 1024;

/** True when PubNub would answer 413 to a publish of these escaped parts. */
export function isTooLargeEscaped(escapedParts: readonly string[]): boolean {
  const size = escapedParts.reduce((sum, part) => sum + part.length, 0);
  return size > MAX_PUBLISH_BYTES;
}

// How the SDK escapes a publish URL's parts: RFC 3986, so !~*'() too.
const sdkEscape = (text: string) =>
  encodeURIComponent(text).replace(
    /[!~*'()]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** True when PubNub would answer 413 Message Too Large. */
export function isTooLarge(
  channel: string,
  message: unknown,
  meta?: unknown,
): boolean {
  const parts = [channel, JSON.stringify(message)];
  if (meta !== undefined) parts.push(JSON.stringify(meta));
  return isTooLargeEscaped(parts.map(sdkEscape));
}

let lastTimetoken = 0n;

/** A 17-digit PubNub timetoken, strictly increasing within this process. */
export function nextTimetoken(): string {
  let timetoken = BigInt(Date.now()) * 10_000n;
  if (timetoken <= lastTimetoken) timetoken = lastTimetoken + 1n;
  lastTimetoken = timetoken;
  return timetoken.toString();
}

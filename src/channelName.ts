import { ChannelNameError } from "./errors/ChannelNameError";

/** PubNub's cap on a channel name, in characters. */
export const MAX_CHANNEL_NAME_LENGTH = 92;

const ESCAPE = "~";
const SEPARATOR = ".";
const NAMESPACE = /^[A-Za-z0-9_-]+$/;
// Forbidden or reserved by PubNub, the escape character itself, C0/C1
// controls, and every Unicode White_Space code point, plus U+FEFF.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
  /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff.,:*/\\~]/gu;
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ESCAPED_RUN = /(?:~[0-9A-F]{2})+/g;

const encoder = new TextEncoder();

function escapeCharacter(character: string): string {
  let escaped = "";
  for (const byte of encoder.encode(character)) {
    escaped += ESCAPE + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return escaped;
}

function escapeSegment(segment: string): string {
  return segment.replace(UNSAFE, escapeCharacter);
}

export function assertNamespace(namespace: string): void {
  if (!NAMESPACE.test(namespace)) {
    throw new ChannelNameError(
      namespace,
      "a namespace may only contain A-Z, a-z, 0-9, '-' and '_'",
    );
  }
}

/**
 * Maps a refine channel (e.g. `resources/posts`) to the PubNub channel the
 * provider uses for it (e.g. `resources.posts`, or `app.resources.posts` with
 * the namespace `app`).
 *
 * The mapping is deterministic, reversible ({@link fromPubNubChannel}) and
 * injective: the first `/` becomes `.`; every other `/`, every `.`, `,`, `:`,
 * `*`, `\`, `~`, control and white-space character becomes `~` followed by the
 * two upper-case hex digits of each of its UTF-8 bytes; the namespace and a
 * `.` go in front.
 *
 * @throws {ChannelNameError} when the channel is empty or not a string, holds
 * an unpaired surrogate, the namespace has other characters than
 * `A-Za-z0-9-_`, or the result is over 92 characters.
 */
export function toPubNubChannel(channel: string, namespace?: string): string {
  if (typeof channel !== "string" || channel === "") {
    throw new ChannelNameError(channel, "it must be a non-empty string");
  }
  if (LONE_SURROGATE.test(channel)) {
    throw new ChannelNameError(channel, "it contains an unpaired surrogate");
  }
  const slash = channel.indexOf("/");
  const body =
    slash === -1
      ? escapeSegment(channel)
      : escapeSegment(channel.slice(0, slash)) +
        SEPARATOR +
        escapeSegment(channel.slice(slash + 1));
  if (namespace !== undefined) assertNamespace(namespace);
  const name =
    namespace === undefined ? body : `${namespace}${SEPARATOR}${body}`;
  const length = [...name].length;
  if (length > MAX_CHANNEL_NAME_LENGTH) {
    throw new ChannelNameError(
      channel,
      `it maps to "${name}", ${length} characters, and PubNub allows at most ${MAX_CHANNEL_NAME_LENGTH}; use a shorter resource name or namespace`,
    );
  }
  return name;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function unescapeRun(run: string): string {
  const bytes = new Uint8Array(run.length / 3);
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
  }
  return decoder.decode(bytes);
}

/**
 * The inverse of {@link toPubNubChannel}: the refine channel a PubNub channel
 * name stands for.
 *
 * @throws {ChannelNameError} when the name is not one that
 * {@link toPubNubChannel} produces (for that namespace).
 */
export function fromPubNubChannel(name: string, namespace?: string): string {
  let body = name;
  if (namespace !== undefined) {
    assertNamespace(namespace);
    const prefix = namespace + SEPARATOR;
    if (typeof name !== "string" || !name.startsWith(prefix)) {
      throw new ChannelNameError(
        name,
        `it is not in the namespace "${namespace}"`,
      );
    }
    body = name.slice(prefix.length);
  }
  let channel: string;
  try {
    const dot = body.indexOf(SEPARATOR);
    const segments =
      dot === -1 ? [body] : [body.slice(0, dot), body.slice(dot + 1)];
    channel = segments
      .map((segment) => segment.replace(ESCAPED_RUN, unescapeRun))
      .join("/");
  } catch {
    channel = "";
  }
  if (channel === "" || toPubNubChannel(channel, namespace) !== name) {
    throw new ChannelNameError(
      name,
      "it is not a PubNub channel name that toPubNubChannel() produces",
    );
  }
  return channel;
}

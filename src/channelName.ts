import { ChannelNameError } from "./errors/ChannelNameError";
import { MAX_CHANNEL_NAME_LENGTH } from "./pubnubLimits";

// Forbidden or reserved by PubNub, the escape character itself, C0/C1
// controls, and every Unicode White_Space code point, plus U+FEFF.
const UNSAFE =
  /[\0- \x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff.,:*/\\~]/gu;
const ESCAPED_RUN = /(?:~[0-9A-F]{2})+/g;

// `~` and the upper-case hex of each UTF-8 byte. encodeURIComponent leaves
// `.`, `*` and `~` as they are; those are one byte each.
function escapeCharacter(character: string): string {
  const encoded = encodeURIComponent(character);
  return encoded === character
    ? `~${character.charCodeAt(0).toString(16).toUpperCase()}`
    : encoded.replaceAll("%", "~");
}

/**
 * `text` with every character the mapping escapes escaped, the first `/`
 * included: one segment of a PubNub channel name.
 */
export function escapeChannelPart(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

export function assertNamespace(namespace: string): void {
  if (!/^[\w-]+$/.test(namespace)) {
    throw new ChannelNameError({ reason: "bad-namespace", channel: namespace });
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
    throw new ChannelNameError({ reason: "not-a-string", channel });
  }
  try {
    encodeURIComponent(channel);
  } catch {
    throw new ChannelNameError({ reason: "unpaired-surrogate", channel });
  }
  const slash = channel.indexOf("/");
  let name = channel.replace(UNSAFE, (character, offset: number) =>
    offset === slash ? "." : escapeCharacter(character),
  );
  if (namespace !== undefined) {
    assertNamespace(namespace);
    name = `${namespace}.${name}`;
  }
  if ([...name].length > MAX_CHANNEL_NAME_LENGTH) {
    throw new ChannelNameError({
      reason: "too-long",
      channel,
      pubnubChannel: name,
      limit: MAX_CHANNEL_NAME_LENGTH,
    });
  }
  return name;
}

/**
 * The inverse of {@link toPubNubChannel}: the refine channel a PubNub channel
 * name stands for.
 *
 * @throws {ChannelNameError} when the name is not one that
 * {@link toPubNubChannel} produces (for that namespace).
 */
export function fromPubNubChannel(name: string, namespace?: string): string {
  const prefix = namespace === undefined ? "" : `${namespace}.`;
  let channel = "";
  try {
    if (typeof name === "string" && name.startsWith(prefix)) {
      // The first unescaped `.` is the separator; escaped runs hold no `.`.
      channel = name
        .slice(prefix.length)
        .replace(".", "/")
        .replace(ESCAPED_RUN, (run) =>
          decodeURIComponent(run.replaceAll("~", "%")),
        );
    }
  } catch {
    // Not UTF-8 once unescaped: not a name toPubNubChannel produces.
  }
  if (channel === "" || toPubNubChannel(channel, namespace) !== name) {
    throw new ChannelNameError({
      reason: "not-a-pubnub-name",
      channel: name,
      namespace,
    });
  }
  return channel;
}

/**
 * PubNub timetokens are decimal strings of 17 digits today: the longer, or
 * else the later in order, is the newer. Compared as strings because they
 * exceed `Number.MAX_SAFE_INTEGER`.
 */
export function isNewerTimetoken(timetoken: string, than: string): boolean {
  return timetoken.length === than.length
    ? timetoken > than
    : timetoken.length > than.length;
}

/** Who uses this tab: picked on the login screen, no password. */
export interface Identity {
  /** The PubNub user id: the name in lower case. */
  id: string;
  name: string;
  /** The avatar's colour, a CSS colour. */
  color: string;
}

export const AVATAR_COLORS = [
  "#1677ff",
  "#52c41a",
  "#fa8c16",
  "#eb2f96",
  "#722ed1",
  "#13c2c2",
] as const;

const KEY = "posts-example-identity";

/** The colour a name gets when none was picked (`?user=NAME`). */
function colorOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length] ?? AVATAR_COLORS[0];
}

export function identityOf(name: string, color = colorOf(name)): Identity {
  const trimmed = name.trim();
  return { id: trimmed.toLowerCase(), name: trimmed, color };
}

function parse(text: string | null): Identity | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Identity>;
    return value.name ? identityOf(value.name, value.color) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The identity of this tab. Signing in holds for every tab of the browser
 * (localStorage), as a session cookie would; `?user=NAME` signs in this tab
 * only (sessionStorage), so one browser can show two users side by side.
 */
export function readIdentity(): Identity | undefined {
  const user = new URLSearchParams(location.search).get("user");
  if (user?.trim()) saveIdentity(identityOf(user), "tab");
  return parse(sessionStorage.getItem(KEY)) ?? parse(localStorage.getItem(KEY));
}

export function saveIdentity(identity: Identity, scope: "tab" | "browser") {
  const text = JSON.stringify(identity);
  sessionStorage.setItem(KEY, text);
  if (scope === "browser") localStorage.setItem(KEY, text);
}

export function forgetIdentity() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

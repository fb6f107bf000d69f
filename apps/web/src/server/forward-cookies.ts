// `name=value` of a Cookie header, split at the first "=" (values may hold more).
function parsePair(pair: string): [string, string] | null {
  const at = pair.indexOf("=");
  if (at <= 0) return null;
  return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
}

function isRemoval(attributes: string[], now: number): boolean {
  for (const attribute of attributes) {
    const [key = "", value = ""] = attribute.split("=", 2).map((part) => part.trim());
    if (key.toLowerCase() === "max-age" && Number(value) <= 0) return true;
    if (key.toLowerCase() === "expires" && Date.parse(value) <= now) return true;
  }
  return false;
}

/**
 * The Cookie header the browser will send after it applies these `Set-Cookie` answers: cookies
 * set or replaced, expired ones gone. The proxy hands it on to the page it is serving, which
 * would otherwise still read the cookie the browser sent (and, for the session, refresh the
 * tokens a second time). Attributes such as Path and Domain are not weighed: every cookie set
 * here is the site's own, on "/".
 */
export function cookieHeaderAfter(
  cookieHeader: string | null,
  setCookies: readonly string[],
  now: number = Date.now(),
): string {
  const cookies = new Map<string, string>();
  for (const pair of (cookieHeader ?? "").split(";")) {
    const parsed = parsePair(pair);
    if (parsed) cookies.set(parsed[0], parsed[1]);
  }
  for (const setCookie of setCookies) {
    const [first = "", ...attributes] = setCookie.split(";");
    const parsed = parsePair(first);
    if (!parsed) continue;
    if (isRemoval(attributes, now)) cookies.delete(parsed[0]);
    else cookies.set(parsed[0], parsed[1]);
  }
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Of the cookies next-auth answers on a page request, the session's (whole or in chunks) only.
 * Its CSRF and callback-URL cookies serve its own /api/auth routes, which this app does not mount
 * (sign-in is a server action, which Next.js guards by origin): sent to every visitor, they would
 * only make each anonymous page personal, so no cache could keep it.
 */
export function sessionCookiesOnly(setCookies: readonly string[], sessionCookie: string): string[] {
  return setCookies.filter((setCookie) =>
    isSessionCookie(parsePair(setCookie.split(";")[0]!)?.[0], sessionCookie),
  );
}

/** Whether a cookie name is the session cookie, whole or one of its chunks (`<name>.0`, `<name>.1`, ...). */
export function isSessionCookie(name: string | undefined, sessionCookie: string): boolean {
  if (name === undefined || !name.startsWith(sessionCookie)) return false;
  const rest = name.slice(sessionCookie.length);
  return rest === "" || /^\.\d+$/.test(rest);
}

/** Whether a Cookie header holds the session cookie (or a chunk of it). */
export function hasCookie(cookieHeader: string | null, sessionCookie: string): boolean {
  return sessionCookiePairs(cookieHeader, sessionCookie) !== "";
}

/** The session cookie's `name=value` pairs (all its chunks) in a Cookie header, in order; "" when none. */
export function sessionCookiePairs(cookieHeader: string | null, sessionCookie: string): string {
  return (cookieHeader ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => isSessionCookie(parsePair(pair)?.[0], sessionCookie))
    .join("; ");
}

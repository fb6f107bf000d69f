// Any origin will do: a path is resolved against it only to see whether it stays there.
const BASE = "http://sharehood.invalid";
const LONGEST = 2048;
// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.com" and
// "/\evil.com" both become "//evil.com", another site. None belongs in a path we send people to.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

// The value with every escape decoded, again and again until nothing changes: a layer that
// decodes once more (a proxy, a router) must not find "//evil.com" or a tab inside
// "/%252F%252Fevil.com". Byte by byte and lenient ("100%" stays), as such layers often are.
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 5; round += 1) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === current) return current;
    current = next;
  }
  return null;
}

function isUnsafe(path: string): boolean {
  return UNSAFE_CHARACTERS.test(path) || path.startsWith("//");
}

/**
 * A path on this site to go back to after signing in; anything else becomes "/". The value is
 * resolved as a URL against this site's origin and must stay on it, so the answer is always a
 * normalised `path?search#hash` that no browser reads as another host: control characters and
 * backslashes are refused raw or percent-encoded, and so is a path that starts with "//" once
 * resolved ("/.//evil.com") or decoded ("/%2F%2Fevil.com").
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > LONGEST || !value.startsWith("/")) return "/";
  const decoded = fullyDecoded(value);
  if (decoded === null || isUnsafe(value) || isUnsafe(decoded)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  const decodedPath = fullyDecoded(url.pathname);
  if (decodedPath === null || isUnsafe(path) || isUnsafe(decodedPath)) return "/";
  return path;
}

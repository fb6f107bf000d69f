import "server-only";
import { getEnv } from "@/env";

// What is passed on from the API's answer: the type and the caching (a photo's or an avatar's file
// never changes, a new one gets a new id, so browsers keep them for a year).
const PASSED_ON = ["content-type", "etag", "cache-control", "last-modified"];

/**
 * Streams an image an API serves (an item photo, an avatar) to the browser through this site's
 * origin, `If-None-Match` and 304 included. The caller has checked the name: only well-formed
 * file names reach the API. A missing file is 404, an API that is down 503, anything else 502.
 */
export async function relayImage(request: Request, upstreamUrl: string, what: string): Promise<Response> {
  const ifNoneMatch = request.headers.get("if-none-match");
  const unavailable = `The ${what} is unavailable right now.`;
  let upstream: Response;
  try {
    upstream = await fetch(upstreamUrl, {
      headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {},
      cache: "no-store",
      signal: AbortSignal.timeout(getEnv().API_TIMEOUT_MS),
    });
  } catch {
    return new Response(unavailable, { status: 503, headers: { "retry-after": "5" } });
  }
  if (upstream.status !== 200 && upstream.status !== 304) {
    await upstream.body?.cancel();
    const status = upstream.status === 404 ? 404 : 502;
    return new Response(status === 404 ? "Not found" : unavailable, { status });
  }
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers });
}

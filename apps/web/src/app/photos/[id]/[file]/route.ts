import { getEnv } from "@/env";
import { isPhotoFile } from "@/server/site-photos";

type Context = { params: Promise<{ id: string; file: string }> };

// What is passed on from the Inventory API's answer: the type and the caching (a photo's
// files never change, a new photo gets a new id, so browsers keep them for a year).
const PASSED_ON = ["content-type", "etag", "cache-control", "last-modified"];

/**
 * An item photo's file, through this site's origin: pages link `/photos/<id>/<file>` (see
 * site-photos.ts), so photos load at whatever address the site is opened at. Streams the Inventory
 * API's answer, `If-None-Match` and 304 included.
 */
export async function GET(request: Request, { params }: Context) {
  const { id, file } = await params;
  // Only photo ids and the two file names reach the API: nothing else can be asked of it here.
  if (!isPhotoFile(id, file)) return new Response("Not found", { status: 404 });
  const env = getEnv();
  const ifNoneMatch = request.headers.get("if-none-match");
  let upstream: Response;
  try {
    upstream = await fetch(`${env.INVENTORY_API_URL}/photos/${id}/${file}`, {
      headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {},
      cache: "no-store",
      signal: AbortSignal.timeout(env.API_TIMEOUT_MS),
    });
  } catch {
    return new Response("The photo is unavailable right now.", {
      status: 503,
      headers: { "retry-after": "5" },
    });
  }
  if (upstream.status !== 200 && upstream.status !== 304) {
    await upstream.body?.cancel();
    const status = upstream.status === 404 ? 404 : 502;
    return new Response(status === 404 ? "Not found" : "The photo is unavailable right now.", { status });
  }
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers });
}

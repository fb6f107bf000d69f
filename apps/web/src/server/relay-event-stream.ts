/** What a relayed stream needs: where, as whom, and when to stop. */
export interface RelayOptions {
  /** The upstream Server-Sent Events URL. */
  url: string;
  /** The signed-in person's access token; it goes upstream only, never to the browser. */
  token: string;
  /** Aborted when the browser goes away: the upstream request ends with it. */
  signal: AbortSignal;
  /** How long the upstream may take to answer with its headers. */
  connectTimeoutMs: number;
  /**
   * The browser's `Last-Event-ID` when its EventSource reconnects (a stream ends with its token):
   * passed upstream, which first sends what was created after it.
   */
  lastEventId?: string | null;
  fetch?: typeof fetch;
}

/**
 * `no-transform`: a compressing layer (Next.js's own, a proxy) must not gzip the stream, which
 * would hold events back until a buffer fills. `X-Accel-Buffering: no` says the same to nginx.
 */
export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
} as const;

// Sent at once, before anything upstream says: the browser's EventSource opens now (it waits
// for a first byte on some servers), and the client fetches the unread count on open.
const OPENING = new TextEncoder().encode(": relayed by the web app\n\n");

function refusal(status: number, message: string, headers?: Record<string, string>): Response {
  return Response.json({ message }, { status, headers: { "cache-control": "no-store", ...(headers ?? {}) } });
}

/**
 * Relays a person's Server-Sent Events stream from an API to the browser, unchanged. The
 * upstream request ends when the browser disconnects (`signal`, or the response body being
 * cancelled), so a closed tab holds no connection to the API. An API that is down or refuses
 * answers an error status: the browser's EventSource then stops, and the page retries later.
 */
export async function relayEventStream(options: RelayOptions): Promise<Response> {
  const upstreamAbort = new AbortController();
  const endUpstream = () => upstreamAbort.abort();
  if (options.signal.aborted) return refusal(499, "The browser went away.");
  options.signal.addEventListener("abort", endUpstream, { once: true });
  const stopListening = () => options.signal.removeEventListener("abort", endUpstream);
  const timer = setTimeout(() => upstreamAbort.abort(), options.connectTimeoutMs);

  let upstream: Response;
  try {
    upstream = await (options.fetch ?? fetch)(options.url, {
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: "text/event-stream",
        ...(options.lastEventId ? { "last-event-id": options.lastEventId.slice(0, 64) } : {}),
      },
      signal: upstreamAbort.signal,
      cache: "no-store",
    });
  } catch {
    stopListening();
    return refusal(503, "Notifications are unavailable right now.");
  } finally {
    clearTimeout(timer);
  }

  const isStream = upstream.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
  if (!upstream.ok || !upstream.body || !isStream) {
    stopListening();
    await upstream.body?.cancel().catch(() => undefined);
    if (upstream.status === 401) return refusal(401, "Please sign in.");
    if (upstream.status === 429) {
      const retryAfter = upstream.headers.get("retry-after");
      return refusal(429, "Too many open streams.", retryAfter ? { "retry-after": retryAfter } : undefined);
    }
    return refusal(503, "Notifications are unavailable right now.");
  }

  const reader = upstream.body.getReader();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    stopListening();
    endUpstream();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(OPENING);
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          finish();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch {
        // The API went away mid-stream: end the browser's stream cleanly; EventSource reconnects.
        finish();
        controller.close();
      }
    },
    async cancel() {
      finish();
      await reader.cancel().catch(() => undefined);
    },
  });
  return new Response(body, { status: 200, headers: EVENT_STREAM_HEADERS });
}

import { describe, expect, it, vi } from "vitest";
import { EVENT_STREAM_HEADERS, relayEventStream } from "./relay-event-stream.ts";

const encoder = new TextEncoder();

/** An upstream SSE answer whose body the test writes to, and the signal the relay fetched with. */
function fakeUpstream(init: { status?: number; contentType?: string } = {}) {
  let push!: ReadableStreamDefaultController<Uint8Array>;
  let upstreamSignal: AbortSignal | undefined;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = controller;
    },
    cancel() {
      cancelled = true;
    },
  });
  const fetch = vi.fn((_url: string | URL | Request, options?: RequestInit) => {
    upstreamSignal = options?.signal ?? undefined;
    return Promise.resolve(
      new Response(body, {
        status: init.status ?? 200,
        headers: { "content-type": init.contentType ?? "text/event-stream" },
      }),
    );
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls: fetch.mock.calls,
    send: (text: string) => push.enqueue(encoder.encode(text)),
    end: () => push.close(),
    fail: () => push.error(new Error("connection reset")),
    signal: () => upstreamSignal,
    isCancelled: () => cancelled,
  };
}

function relay(
  fetch: typeof globalThis.fetch,
  signal = new AbortController().signal,
  connectTimeoutMs = 1_000,
) {
  return relayEventStream({
    url: "http://notifications.test/notifications/stream",
    token: "tok",
    signal,
    connectTimeoutMs,
    fetch,
  });
}

async function readAll(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer());
}

describe("relayEventStream", () => {
  it("asks the API with the person's token and passes its events on, uncompressed and uncached", async () => {
    const upstream = fakeUpstream();
    const response = await relay(upstream.fetch);
    expect(upstream.calls[0]?.[0]).toBe("http://notifications.test/notifications/stream");
    expect(new Headers(upstream.calls[0]?.[1]?.headers).get("authorization")).toBe("Bearer tok");
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(EVENT_STREAM_HEADERS))
      expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get("cache-control")).toContain("no-transform");

    upstream.send('event: unread\ndata: {"count":2}\n\n');
    upstream.send(": heartbeat\n\n");
    upstream.end();
    const text = await readAll(response);
    expect(text.startsWith(": relayed by the web app\n\n")).toBe(true);
    expect(text).toContain('event: unread\ndata: {"count":2}\n\n: heartbeat\n\n');
  });

  it("passes the browser's Last-Event-ID on when it reconnects, so the API sends what it missed", async () => {
    const upstream = fakeUpstream();
    await relayEventStream({
      url: "http://notifications.test/notifications/stream",
      token: "tok",
      signal: new AbortController().signal,
      connectTimeoutMs: 1_000,
      lastEventId: "2026-12-01T10:00:00.000Z",
      fetch: upstream.fetch,
    });
    expect(new Headers(upstream.calls[0]?.[1]?.headers).get("last-event-id")).toBe(
      "2026-12-01T10:00:00.000Z",
    );
    upstream.end();
  });

  it("ends the upstream request when the browser goes away", async () => {
    const upstream = fakeUpstream();
    const browser = new AbortController();
    await relay(upstream.fetch, browser.signal);
    expect(upstream.signal()?.aborted).toBe(false);
    browser.abort();
    expect(upstream.signal()?.aborted).toBe(true);
  });

  it("ends the upstream request when the response body is cancelled", async () => {
    const upstream = fakeUpstream();
    const response = await relay(upstream.fetch);
    await response.body?.cancel();
    expect(upstream.signal()?.aborted).toBe(true);
    expect(upstream.isCancelled()).toBe(true);
  });

  it("closes the browser's stream cleanly when the API drops it, so that EventSource reconnects", async () => {
    const upstream = fakeUpstream();
    const response = await relay(upstream.fetch);
    upstream.send('event: unread\ndata: {"count":1}\n\n');
    const reading = readAll(response);
    await new Promise((resolve) => setTimeout(resolve, 10));
    upstream.fail();
    await expect(reading).resolves.toContain("count");
  });

  it("answers 503 when the Notification API cannot be reached", async () => {
    const response = await relay(vi.fn(() => Promise.reject(new TypeError("fetch failed"))));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: "Notifications are unavailable right now." });
  });

  it("answers 503 when the Notification API does not answer in time", async () => {
    const hanging = vi.fn(
      (_url: string | URL | Request, options?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          options?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
    );
    const response = await relay(hanging, undefined, 20);
    expect(response.status).toBe(503);
  });

  it("answers 401 when the API refuses the token, and 503 for an answer that is not a stream", async () => {
    expect(
      (await relay(fakeUpstream({ status: 401, contentType: "application/problem+json" }).fetch)).status,
    ).toBe(401);
    expect((await relay(fakeUpstream({ status: 200, contentType: "text/html" }).fetch)).status).toBe(503);
    expect((await relay(fakeUpstream({ status: 500, contentType: "application/json" }).fetch)).status).toBe(
      503,
    );
  });
});

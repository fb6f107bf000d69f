// The span of each request the web server answers, when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT;
// src/instrumentation-node.ts sets OpenTelemetry up while Next.js prepares). It is opened here, in
// front of the page cache, so that a page answered from the cache is a span too; Next.js sees it as
// the active span and puts its own spans (route, render, server action) under it.
//
// A `traceparent` (and `tracestate`) is believed only from a proxy TRUST_PROXY names, as
// X-Forwarded-For is: anyone else could otherwise choose trace ids and have every request traced.
// A browser on loopback counts as the proxy under the default (`loopback`), as it does for addresses.
import { CACHE_STATUS_HEADER } from "./page-cache.mjs";

/**
 * A function that runs `handle` inside the request's span, or undefined when tracing is off: then
 * nothing of OpenTelemetry is loaded and requests go straight to `handle`.
 * @param {{ endpoint: string | undefined, trust: (address: string, hop: number) => boolean }} options
 */
export async function createRequestSpans(options) {
  if (!options.endpoint) return undefined;
  const { context, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode } =
    await import("@opentelemetry/api");
  const tracer = trace.getTracer("@sharehood/web/server");
  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {() => Promise<void>} handle
   */
  return function inRequestSpan(req, res, handle) {
    const peer = req.socket.remoteAddress ?? "";
    if (!options.trust(peer, 0)) {
      delete req.headers.traceparent;
      delete req.headers.tracestate;
    }
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const method = req.method ?? "GET";
    const span = tracer.startSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": method,
          "url.path": query === -1 ? url : url.slice(0, query),
          "server.port": req.socket.localPort,
          "client.address": peer,
        },
      },
      parent,
    );
    res.once("close", () => {
      span.setAttribute("http.response.status_code", res.statusCode);
      const cache = res.getHeader(CACHE_STATUS_HEADER);
      if (cache !== undefined) span.setAttribute("sharehood.page_cache", String(cache));
      if (res.statusCode >= 500 || !res.writableFinished)
        span.setStatus({ code: SpanStatusCode.ERROR, message: res.writableFinished ? undefined : "aborted" });
      span.end();
    });
    return context.with(trace.setSpan(parent, span), handle);
  };
}

/**
 * Sends the spans still waiting, before the process exits (src/instrumentation-node.ts registers
 * the function under this symbol).
 */
export async function flushSpans() {
  const shutdown = /** @type {Record<symbol, unknown>} */ (globalThis)[
    Symbol.for("sharehood.web.tracing-shutdown")
  ];
  if (typeof shutdown === "function") await shutdown();
}

import type { IncomingMessage, RequestListener } from "node:http";
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from "@opentelemetry/api";
import { contextFromHeaders, parseTraceparent, tracer, tracingOn, unsampledContext } from "./context.ts";

/** Where a handler leaves the route pattern it matched (`/items/:id`) for the request's span. */
const ROUTE = Symbol.for("sharehood.http.route");

type Routed = IncomingMessage & { [ROUTE]?: string; route?: { path?: unknown }; baseUrl?: string };

/** Names the request's route pattern (the fast path does; Express requests are read from `req.route`). */
export function setHttpRoute(req: IncomingMessage, route: string): void {
  (req as Routed)[ROUTE] = route;
}

function routeOf(req: Routed): string | undefined {
  if (req[ROUTE] !== undefined) return req[ROUTE];
  const pattern = req.route?.path;
  return typeof pattern === "string" ? `${req.baseUrl ?? ""}${pattern}` : undefined;
}

/** Probes, scrapes and the event bus's pushes: plumbing, not requests worth a trace. */
const UNTRACED = new Set(["/healthz", "/readyz", "/livez", "/metrics", "/internal/events"]);

/**
 * One SERVER span per sampled request, a child of the caller's `traceparent`, named after the route
 * pattern once the response is done (`GET /items/:id`), with `http.route` and the status. A request
 * the sampler leaves out (or whose caller's trace is not sampled) runs with its trace but no span,
 * which costs next to nothing (context.ts, `unsampledContext`). Wraps the server's listener (the
 * fast path included), so it needs no module patching. With tracing off the listener is returned
 * as it is.
 */
export function traceRequests(listener: RequestListener): RequestListener {
  if (!tracingOn()) return listener;
  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query === -1 ? url : url.slice(0, query);
    if (UNTRACED.has(path)) return listener(req, res);
    // A caller's trace that is not recorded is not recorded here either: no span, just the trace.
    const caller = parseTraceparent(req.headers.traceparent);
    if (caller && !(caller.traceFlags & TraceFlags.SAMPLED))
      return context.with(unsampledContext(ROOT_CONTEXT, caller), () => listener(req, res));
    const method = req.method ?? "GET";
    const parent = caller ? contextFromHeaders(req.headers) : ROOT_CONTEXT;
    const span = tracer().startSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: { "http.request.method": method, "url.path": path, "url.scheme": "http" },
      },
      parent,
    );
    // Left out by the sampler (most requests): nothing to record, so nothing to name or end.
    if (!span.isRecording())
      return context.with(unsampledContext(ROOT_CONTEXT, span.spanContext()), () => listener(req, res));
    res.once("close", () => {
      const route = routeOf(req);
      if (route !== undefined) {
        span.updateName(`${method} ${route}`);
        span.setAttribute("http.route", route);
      }
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute("error.type", "aborted");
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => listener(req, res));
  };
}

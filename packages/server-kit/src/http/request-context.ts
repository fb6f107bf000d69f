import { randomUUID } from "node:crypto";
import { context } from "@opentelemetry/api";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../logger.ts";
import { activeTraceContext, newTraceId, parseTraceparent, tracingOn } from "../telemetry/context.ts";
import { setHttpRoute } from "../telemetry/http.ts";
import type { HttpMetrics } from "./metrics.ts";

declare module "express-serve-static-core" {
  interface Request {
    id: string;
    /** The trace the request belongs to (32 hex): its span's, else the caller's `traceparent`'s, else new. */
    traceId: string;
    log: Logger;
  }
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it looks like an id (never echo arbitrary bytes), else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && SAFE_ID.test(header) ? header : randomUUID();
}

/**
 * The URL as the log keeps it: secrets that travel in URLs replaced. Those are the `token` of
 * one-time and unsubscribe links (`?token=`) and the private calendar feed's address
 * (`/calendar/<token>.ics`), each a key on its own: a log reader must not be able to use them.
 */
export function loggableUrl(url: string): string {
  return url
    .replace(/([?&]token=)[^&#]*/gi, "$1[redacted]")
    .replace(/^(\/calendar\/)[^/?#]+?(\.ics)?(?=[?#]|$)/, "$1[redacted]$2");
}

/** The route label for metrics: the matched pattern, never the raw URL (which would explode cardinality). */
function routeOf(req: Request): string {
  const pattern = (req.route as { path?: string } | undefined)?.path;
  return pattern === undefined ? "unmatched" : `${req.baseUrl}${pattern}`;
}

/**
 * The request's trace id: its span's when tracing is on, else the one of the caller's `traceparent`
 * (so that logs of services called one from another correlate even untraced), else a new one.
 */
export function traceIdOf(headers: Record<string, string | string[] | undefined>): string {
  return activeTraceContext()?.traceId ?? parseTraceparent(headers.traceparent)?.traceId ?? newTraceId();
}

/**
 * Takes `x-request-id` from the caller (when it looks like an id) or makes one, echoes it, gives the
 * request a child logger carrying it and the trace id, and records one log line and one metric per
 * request.
 */
export function requestContext(logger: Logger, metrics: HttpMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    req.id = requestIdOf(req.headers["x-request-id"]);
    res.setHeader("x-request-id", req.id);
    req.traceId = traceIdOf(req.headers);
    const traced = tracingOn();
    // Traced, the logger's mixin adds the active span's ids to each line; untraced, the child does.
    req.log = logger.child(traced ? { requestId: req.id } : { requestId: req.id, traceId: req.traceId });
    const spanContext = traced ? context.active() : undefined;
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req);
      if (route !== "unmatched") setHttpRoute(req, route);
      metrics.observe(req.method, route, res.statusCode, seconds);
      if (route.endsWith("z") || route === "/metrics") return; // probes and scrapes would drown the log
      const line = {
        method: req.method,
        url: loggableUrl(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(seconds * 1e4) / 10,
      };
      if (spanContext) context.with(spanContext, () => req.log.info(line, "request"));
      else req.log.info(line, "request");
    });
    next();
  };
}

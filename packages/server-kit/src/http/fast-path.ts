import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Express } from "express";
import type { HttpMetrics } from "./metrics.ts";
import { setHttpRoute } from "../telemetry/http.ts";
import { requestIdOf } from "./request-context.ts";
import { apiSecurityHeaders } from "./security-headers.ts";

/** A prepared answer of the fast path. */
export interface FastResponse {
  status: number;
  /** The route pattern, for metrics (`/items/:id`). */
  route: string;
  body?: string;
  headers: Record<string, string>;
}

/**
 * Answers a GET without Express, or returns undefined to let Express handle it. Only for hot,
 * side-effect-free reads whose answer is ready (a cache hit); everything else, including every
 * error, goes through Express, its validation and its one error handler.
 */
export type FastHandler = (req: IncomingMessage) => Promise<FastResponse | undefined>;

// The security headers, computed once, so fast answers carry the same ones as Express answers.
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | string[]) =>
      void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  apiSecurityHeaders()({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * The server's request listener: GET and HEAD requests first try `fast`; whatever it declines goes
 * to the Express app. Express's routing costs several times a bare `node:http` handler, so the
 * hottest cache hits skip it while keeping request ids, security headers and metrics.
 */
export function withFastPath(app: Express, fast: FastHandler, metrics: HttpMetrics): RequestListener {
  const security = helmetHeaders();
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      app(req, res);
      return;
    }
    const started = process.hrtime.bigint();
    fast(req).then(
      (answer) => {
        if (!answer) {
          app(req, res);
          return;
        }
        const requestId = requestIdOf(req.headers["x-request-id"]);
        setHttpRoute(req, answer.route);
        const headers: Record<string, string | number> = {
          ...security,
          ...answer.headers,
          "x-request-id": requestId,
        };
        if (answer.body !== undefined) {
          headers["content-type"] = "application/json; charset=utf-8";
          headers["content-length"] = Buffer.byteLength(answer.body);
        }
        res.writeHead(answer.status, headers);
        res.end(req.method === "HEAD" ? undefined : answer.body);
        metrics.observe(
          req.method ?? "GET",
          answer.route,
          answer.status,
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      },
      () => {
        app(req, res);
      },
    );
  };
}

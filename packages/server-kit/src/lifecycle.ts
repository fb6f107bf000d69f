import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import { parse } from "node:url";
import type { Express } from "express";
import type { Registry } from "prom-client";
import type { Logger } from "./logger.ts";
import { flushTelemetry } from "./telemetry/context.ts";
import { traceRequests } from "./telemetry/http.ts";

/**
 * A target such as `//!x@?` parses (in Express's parser, the legacy URL one) as an authority with
 * no path, and Express then answers with its own HTML 404, past every middleware: no problem+json,
 * no security headers, no request id (found by fuzz seeds 7 and 42). Such a target loses its extra leading
 * slashes, so it reaches the routes and their 404 like any other unknown path.
 */
export function withRoutableTarget(listener: RequestListener): RequestListener {
  return (req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith("//") && !hasPath(url)) req.url = url.replace(/^\/+/, "/");
    listener(req, res);
  };
}

/** Whether the legacy URL parser, the very one Express routes with, finds a path in the target. */
function hasPath(target: string): boolean {
  try {
    return parse(target).pathname !== null;
  } catch {
    return false; // a malformed escape in the "authority" (`//%;@x`) throws
  }
}

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then runs cleanup. */
  close(): Promise<void>;
}

/** Listens on `port` (0 picks a free one). Used by `main.ts` and by tests that need a real port. */
export async function listen(
  app: Express,
  options: {
    port: number;
    host?: string;
    graceMs: number;
    logger: Logger;
    cleanup: () => Promise<void>;
    /** The request listener to serve with, when it is not the app itself (see withFastPath). */
    listener?: RequestListener;
    /** Serve these metrics on a port of their own (METRICS_PORT), closed with the server. */
    metrics?: { port: number; registry: MetricsRegistry };
  },
): Promise<RunningServer> {
  const metricsServer = options.metrics ? await serveMetrics(options.metrics, options.host) : undefined;
  const server = createServer(traceRequests(withRoutableTarget(options.listener ?? app)));
  // Requests Node cannot even parse (oversized headers, broken framing) never reach Express; answer
  // them in the same problem+json shape instead of Node's bare default.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    const body = JSON.stringify({
      type: "urn:sharehood:problem:validation_failed",
      title: "Your request is not valid",
      status,
      detail: status === 431 ? "The request headers are too large" : "The request could not be parsed",
      code: "validation_failed",
      requestId: randomUUID(),
    });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : "Bad Request"}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.listen(options.port, options.host ?? "0.0.0.0");
  await once(server, "listening");
  server.keepAliveTimeout = 65_000; // longer than common proxies' idle timeout, so they close first
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        options.logger.warn("grace period over: closing remaining connections");
        server.closeAllConnections();
      }, options.graceMs);
      await closed;
      clearTimeout(timer);
      metricsServer?.close();
      await options.cleanup();
    })();
    return closing;
  };
  return { server, port, close };
}

/**
 * Wires SIGTERM/SIGINT to a graceful stop: `onSignal` flips readiness to 503 at once; the server
 * keeps serving for `delayMs` (so a load balancer sees the 503 and stops routing here), then stops
 * accepting, lets in-flight requests finish, and the process exits 0 (1 if cleanup failed).
 */
export function exitOnSignals(
  running: RunningServer,
  options: { logger: Logger; onSignal: () => void; delayMs?: number },
): void {
  const stop = (signal: string) => {
    options.logger.info({ signal, delayMs: options.delayMs ?? 0 }, "shutting down");
    options.onSignal();
    new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0))
      .then(() => running.close())
      .then(async () => await flushTelemetry())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          options.logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

type MetricsRegistry = Pick<Registry, "contentType" | "metrics">;

/** A bare server for Prometheus: `GET /metrics`, nothing else, on a port the ingress never routes. */
async function serveMetrics(metrics: { port: number; registry: MetricsRegistry }, host = "0.0.0.0") {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(metrics.port, host);
  await once(server, "listening");
  return server;
}

import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { AppError } from "../app-error.ts";
import type { Logger } from "../logger.ts";
import { mountDocs } from "./docs.ts";
import { errorHandler, notFoundHandler } from "./error-handler.ts";
import { mountHealth, type ReadinessCheck } from "./health.ts";
import type { HttpMetrics } from "./metrics.ts";
import { requestContext } from "./request-context.ts";
import { apiSecurityHeaders } from "./security-headers.ts";

export interface HttpAppOptions {
  logger: Logger;
  metrics: HttpMetrics;
  bodyLimitBytes: number;
  checks: Record<string, ReadinessCheck>;
  isShuttingDown: () => boolean;
  openapi: Record<string, unknown>;
  /** Whether `/metrics` is served here; false when a separate metrics port serves it (METRICS_PORT). */
  metricsOnMainPort?: boolean;
  /** Express `trust proxy` (who may set X-Forwarded-For); loopback by default. */
  trustProxy?: string;
  /**
   * The one way a route opts in to `multipart/form-data`: requests for which this answers true may
   * carry such a body past the JSON guard. Nothing here parses it, so the route must stream and
   * limit it itself (busboy). Every other request keeps the JSON-only rule.
   */
  acceptsMultipart?: (req: Request) => boolean;
}

// A body that is not JSON is refused before anything reads it (415), rather than parsed as empty,
// except multipart bodies on the requests the service said parse them themselves.
function requireJsonBodies(acceptsMultipart: (req: Request) => boolean) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const hasBody =
      req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    if (!hasBody || req.is(["application/json", "application/*+json"])) return next();
    if (req.is("multipart/form-data") && acceptsMultipart(req)) return next();
    next(new AppError("unsupported_media_type", "Send the body as application/json"));
  };
}

/**
 * The Express app both services start from: security headers, request ids, logging, metrics,
 * health, docs and JSON bodies. The service mounts its routes, then calls `finishApp`.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? "loopback");
  app.set("etag", false);
  app.set("query parser", "simple");
  app.use(apiSecurityHeaders());
  app.use(requestContext(options.logger, options.metrics));
  mountHealth(app, options);
  mountDocs(app, options.openapi);
  app.use(requireJsonBodies(options.acceptsMultipart ?? (() => false)));
  app.use(
    express.json({
      limit: options.bodyLimitBytes,
      strict: true,
      type: ["application/json", "application/*+json"],
    }),
  );
  return app;
}

/** Adds the 404 and the one error middleware; call after mounting every route. */
export function finishApp(app: Express): Express {
  app.use(notFoundHandler());
  app.use(errorHandler());
  return app;
}

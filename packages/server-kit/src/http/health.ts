import type { Express } from "express";
import type { HttpMetrics } from "./metrics.ts";

/** A named readiness check: resolves when the dependency answers. */
export type ReadinessCheck = () => Promise<void>;

const CHECK_TIMEOUT_MS = 1_500;

function withTimeout(check: ReadinessCheck): Promise<void> {
  return Promise.race([
    check(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * `/healthz`: the process is alive. `/readyz`: every dependency answers and the service is not
 * shutting down (503 otherwise, so a load balancer stops sending traffic). `/metrics`: Prometheus.
 */
export function mountHealth(
  app: Express,
  options: {
    checks: Record<string, ReadinessCheck>;
    metrics: HttpMetrics;
    isShuttingDown: () => boolean;
    metricsOnMainPort?: boolean;
  },
) {
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const checks: Record<string, string> = {};
    await Promise.all(
      Object.entries(options.checks).map(async ([name, check]) => {
        checks[name] = await withTimeout(check).then(
          () => "ok",
          (error: Error) => `unavailable: ${error.message}`,
        );
      }),
    );
    if (options.isShuttingDown()) checks.server = "shutting down";
    const ready = Object.values(checks).every((state) => state === "ok");
    res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "unavailable", checks });
  });
  if (options.metricsOnMainPort === false) return;
  app.get("/metrics", async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
}

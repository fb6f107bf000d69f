import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Request counts and latency by route and status, in a registry of the service's own. */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<"method" | "route" | "status">;
  readonly #duration: Histogram<"method" | "route" | "status">;
  readonly #series = new Map<
    string,
    {
      requests: Counter.Internal;
      duration: Histogram.Internal<"method" | "route" | "status">;
    }
  >();

  constructor(service: string, options: { defaultMetrics: boolean }) {
    this.registry.setDefaultLabels({ service });
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
    this.#requests = new Counter({
      name: "http_requests_total",
      help: "HTTP requests handled",
      labelNames: ["method", "route", "status"],
      registers: [this.registry],
    });
    this.#duration = new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request latency",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.#series.get(key);
    if (!series) {
      // Resolving the labels costs more than counting; routes are patterns, so the set is small.
      const labels = { method, route, status: String(status) };
      series = { requests: this.#requests.labels(labels), duration: this.#duration.labels(labels) };
      this.#series.set(key, series);
    }
    series.requests.inc();
    series.duration.observe(seconds);
  }
}

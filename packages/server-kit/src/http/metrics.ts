import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

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

  /**
   * A business counter in this registry (`<what>_total`), created once: asking again for a name
   * answers the same counter. Labels must be a small, closed set (a kind, an outcome), never ids.
   * Each replica counts its own; Prometheus sums them (`sum by (...) (rate(...))`).
   */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter<L>;
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /**
   * A gauge computed when `/metrics` is scraped: `read` answers the current values (from the
   * database, say, so every replica reports the same figure). When `read` fails the gauge reports
   * nothing for that scrape, rather than a stale figure or a failed scrape; `onError` is told.
   */
  gaugeAtScrape<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: () => Promise<readonly { labels: Partial<Record<L, string>>; value: number }[]>,
    onError: (error: unknown) => void,
  ): Gauge<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Gauge<L>;
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        let values;
        try {
          values = await read();
        } catch (error) {
          this.reset();
          onError(error);
          return;
        }
        this.reset();
        for (const { labels, value } of values) this.set(labels, value);
      },
    });
  }
}

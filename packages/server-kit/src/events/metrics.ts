import { Counter, Gauge, type Registry } from "prom-client";

/**
 * A counter or gauge in the service's registry, created once: the relay and the bus may be built
 * again in one process (tests) and prom-client refuses a second metric of one name.
 */
function metricOf<T extends Counter<string> | Gauge<string>>(
  registry: Registry | undefined,
  name: string,
  create: (registers: Registry[]) => T,
): T {
  const existing = registry?.getSingleMetric(name);
  return (existing as T | undefined) ?? create(registry ? [registry] : []);
}

/** What the relay counts. */
export function relayMetrics(registry: Registry | undefined) {
  return {
    published: metricOf(
      registry,
      "events_published_total",
      (registers) =>
        new Counter({
          name: "events_published_total",
          help: "Domain events the outbox relay published",
          labelNames: ["type"],
          registers,
        }),
    ),
    failures: metricOf(
      registry,
      "events_publish_failures_total",
      (registers) =>
        new Counter({
          name: "events_publish_failures_total",
          help: "Outbox relay rounds whose publish failed (the events wait and are retried)",
          registers,
        }),
    ),
    lag: metricOf(
      registry,
      "events_outbox_lag_seconds",
      (registers) =>
        new Gauge({
          name: "events_outbox_lag_seconds",
          help: "Age of the oldest unpublished outbox event at the last relay round (0 when none)",
          registers,
        }),
    ),
  };
}

/** What a consumer counts: events handled per group and outcome (ok, failed, invalid, dead). */
export function consumerMetrics(registry: Registry | undefined) {
  return metricOf<Counter<"group" | "outcome">>(
    registry,
    "events_handled_total",
    (registers) =>
      new Counter({
        name: "events_handled_total",
        help: "Domain events handed to a consumer, by group and outcome",
        labelNames: ["group", "outcome"],
        registers,
      }),
  );
}

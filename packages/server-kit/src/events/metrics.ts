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

/** A Redis Stream and the consumer groups this process reads it in, for `events_consumer_lag`. */
export interface StreamGroups {
  redis: { call(command: string, ...args: string[]): Promise<unknown> };
  stream: string;
  groups: ReadonlySet<string>;
}

const streamsOf = new WeakMap<Registry, Set<StreamGroups>>();

/** XINFO GROUPS answers each group as a flat list of field, value pairs. */
function fieldsOf(row: unknown): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const list = row as unknown[];
  for (let i = 0; i + 1 < list.length; i += 2) fields.set(String(list[i]), list[i + 1]);
  return fields;
}

/**
 * Consumer lag, read from Redis when scraped (so every replica of a consumer reports the same
 * figure; take the max across them): per group this process reads, the stream entries not yet
 * delivered to the group (`events_consumer_lag`) and those delivered but not yet acknowledged
 * (`events_consumer_pending`). Answers the function that stops reporting `source`.
 */
export function reportConsumerLag(registry: Registry | undefined, source: StreamGroups): () => void {
  if (!registry) return () => undefined;
  let sources = streamsOf.get(registry);
  if (!sources) {
    const all = new Set<StreamGroups>();
    sources = all;
    streamsOf.set(registry, all);
    const read = async (field: "lag" | "pending") => {
      const values = new Map<string, number>();
      for (const { redis, stream, groups } of all) {
        const rows = (await redis.call("XINFO", "GROUPS", stream)) as unknown[];
        for (const row of rows) {
          const fields = fieldsOf(row);
          const group = String(fields.get("name"));
          const value = fields.get(field);
          // Redis answers nil for the lag when it cannot tell (entries deleted mid-stream).
          if (!groups.has(group) || value === null || value === undefined) continue;
          values.set(group, Math.max(values.get(group) ?? 0, Number(value)));
        }
      }
      return values;
    };
    const gauge = (name: string, help: string, field: "lag" | "pending") =>
      new Gauge({
        name,
        help,
        labelNames: ["group"],
        registers: [registry],
        async collect() {
          this.reset();
          const values = await read(field).catch(() => undefined); // Redis down: nothing this scrape
          for (const [group, value] of values ?? []) this.set({ group }, value);
        },
      });
    gauge("events_consumer_lag", "Stream entries not yet delivered to the consumer group", "lag");
    gauge(
      "events_consumer_pending",
      "Stream entries delivered to the consumer group but not yet acknowledged",
      "pending",
    );
  }
  sources.add(source);
  return () => void sources.delete(source);
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fromRoot } from "../src/paths.ts";
import { readYamlObject, type Loose } from "../src/yaml.ts";

// The `observability` profile of docker-compose.yml and its configuration in deploy/observability/:
// the pieces must name each other correctly, and the dashboard may only chart metrics that exist.

const compose = readYamlObject(fromRoot("docker-compose.yml")) as Loose;
const services: Record<string, Loose> = compose.services;
const config = (path: string) => readYamlObject(fromRoot("deploy/observability", path)) as Loose;
const OBSERVABILITY = ["otel-collector", "jaeger", "prometheus", "grafana"];
const APIS = ["user-api", "inventory-api", "notification-api"];

/** Container ports a service publishes (`"host:container"`). */
const containerPorts = (name: string): number[] =>
  ((services[name]?.ports ?? []) as string[]).map((port) => Number(port.split(":").at(-1)));

/** Every metric name the code declares: prom-client constructors and the registries' helpers. */
function declaredMetrics(): Set<string> {
  const names = new Set<string>();
  const scan = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", "generated", "dist"].includes(entry.name)) scan(path);
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const text = readFileSync(path, "utf8");
        if (!/prom-client|HttpMetrics/.test(text)) continue;
        for (const match of text.matchAll(
          /(?:\bname:\s*|\.counter\(\s*|gaugeAtScrape\(\s*|\bgauge\(\s*)"([a-z_:][a-z0-9_:]*)"/g,
        ))
          names.add(match[1]!);
      }
    }
  };
  for (const root of ["packages/server-kit/src", ...APIS.map((api) => `apps/${api}/src`)])
    scan(fromRoot(root));
  return names;
}

const PROMQL_WORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "offset",
  "bool",
  "and",
  "or",
  "unless",
]);

/** The metric names a PromQL expression selects (histogram series named by their histogram). */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/\{[^}]*\}/g, "") // label matchers
    .replace(/\[[^\]]*\]/g, "") // ranges
    .replace(/\b(?:by|without)\s*\([^)]*\)/g, "") // grouping labels
    .replace(/"[^"]*"/g, "");
  return [...bare.matchAll(/([a-zA-Z_:][\w:]*)\s*(\()?/g)]
    .filter(([word, , call]) => !call && !PROMQL_WORDS.has(word) && !/^\d/.test(word))
    .map(([word]) => word.replace(/_(?:bucket|sum|count)$/, ""));
}

describe("the observability profile", () => {
  test("adds the collector, Jaeger, Prometheus and Grafana only when asked for; Sharehood's services run without it", () => {
    for (const name of OBSERVABILITY) expect(services[name]?.profiles, name).toEqual(["observability"]);
    for (const name of [...APIS, "web"]) expect(services[name]?.profiles, name).toBeUndefined();
    expect(services["otel-collector"].image).toMatch(/^otel\/opentelemetry-collector-contrib:/);
    expect(services.jaeger.image).toMatch(/^jaegertracing\/all-in-one:/);
  });

  test("the services export to the collector only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and the collector takes OTLP there", () => {
    for (const name of [...APIS, "web"])
      expect(services[name].environment.OTEL_EXPORTER_OTLP_ENDPOINT, name).toBe(
        "${OTEL_EXPORTER_OTLP_ENDPOINT:-}",
      );
    // The documented value, http://otel-collector:4318, reaches the collector's OTLP/HTTP receiver.
    const collector = config("otel-collector.yaml");
    expect(collector.receivers.otlp.protocols.http.endpoint).toBe("0.0.0.0:4318");
    expect(collector.receivers.otlp.protocols.grpc.endpoint).toBe("0.0.0.0:4317");
    expect(containerPorts("otel-collector")).toEqual(expect.arrayContaining([4317, 4318]));
    expect(readFileSync(fromRoot("docker-compose.yml"), "utf8")).toContain(
      "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318",
    );
    const mounted = (services["otel-collector"].volumes as string[]).find((v) => v.endsWith(":ro"))!;
    expect(services["otel-collector"].command).toEqual([`--config=${mounted.split(":")[1]}`]);
  });

  test("the collector sends traces to Jaeger's OTLP receiver", () => {
    const collector = config("otel-collector.yaml");
    const exporters: string[] = collector.service.pipelines.traces.exporters;
    expect(exporters).toHaveLength(1);
    expect(collector.exporters[exporters[0]!].endpoint).toBe("jaeger:4317");
    expect(services.jaeger.environment.COLLECTOR_OTLP_ENABLED).toBe("true");
    expect(containerPorts("jaeger")).toContain(16686);
  });

  test("Prometheus scrapes every API's /metrics on the port it listens on", () => {
    const prometheus = config("prometheus.yml");
    const targets = prometheus.scrape_configs.flatMap((job: Loose) =>
      job.static_configs.flatMap((c: Loose) => c.targets as string[]),
    );
    expect(targets.sort()).toEqual(APIS.map((api) => `${api}:${services[api].environment.PORT}`).sort());
    for (const job of prometheus.scrape_configs) expect(job.metrics_path ?? "/metrics").toBe("/metrics");
    // /metrics is on the public port only while METRICS_PORT is unset.
    for (const api of APIS) expect(services[api].environment.METRICS_PORT, api).toBeUndefined();
  });

  test("Grafana's data sources point at Prometheus and Jaeger, and its dashboard charts only metrics the services declare", () => {
    const { datasources } = config("grafana/provisioning/datasources/datasources.yaml");
    const byUid = new Map<string, Loose>(datasources.map((d: Loose) => [d.uid, d]));
    expect(byUid.get("prometheus")).toMatchObject({ type: "prometheus", url: "http://prometheus:9090" });
    expect(byUid.get("jaeger")).toMatchObject({ type: "jaeger", url: "http://jaeger:16686" });
    expect(containerPorts("prometheus")).toContain(9090);

    const provider = config("grafana/provisioning/dashboards/dashboards.yaml").providers[0];
    const mount = (services.grafana.volumes as string[]).find((v) => v.includes("grafana/dashboards"))!;
    expect(mount.split(":")[1]).toBe(provider.options.path);

    const dashboard = JSON.parse(
      readFileSync(fromRoot("deploy/observability/grafana/dashboards/sharehood.json"), "utf8"),
    );
    const declared = declaredMetrics();
    expect(declared).toContain("http_requests_total"); // the scan finds what it looks for
    const charted = new Set<string>();
    for (const panel of dashboard.panels as Loose[]) {
      expect(byUid.has(panel.datasource.uid), panel.title).toBe(true);
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets as Loose[])
        for (const metric of metricsIn(target.expr)) {
          expect(declared, `${panel.title}: ${metric}`).toContain(metric);
          charted.add(metric);
        }
    }
    // What the issue asks the dashboard to show.
    for (const metric of [
      "http_requests_total",
      "http_request_duration_seconds",
      "loans_by_state",
      "notifications_created_total",
      "emails_total",
      "webhook_deliveries_total",
      "events_outbox_lag_seconds",
      "events_consumer_lag",
    ])
      expect(charted).toContain(metric);
  });

  test("the PromQL reading catches a misspelt metric", () => {
    expect(metricsIn('sum by (route) (rate(http_requests_totl{status=~"5.."}[5m]))')).toEqual([
      "http_requests_totl",
    ]);
    expect(
      metricsIn("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"),
    ).toEqual(["http_request_duration_seconds"]);
  });
});

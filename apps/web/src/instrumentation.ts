/**
 * Runs once when the server starts. The Node.js part refuses to start with a bad environment and,
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set, starts tracing (instrumentation-node.ts); unset, none of
 * OpenTelemetry's SDK is even loaded.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./check-env-at-start");
  const { getEnv } = await import("./env");
  const env = getEnv();
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("./instrumentation-node");
    startTracing({ ...env, OTEL_EXPORTER_OTLP_ENDPOINT: env.OTEL_EXPORTER_OTLP_ENDPOINT });
  }
}

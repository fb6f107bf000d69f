/**
 * Tracing (OpenTelemetry), see docs/observability.md. `startTelemetry` (a service's main.ts, before
 * it imports its server) registers an SDK exporting over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set, and nothing otherwise; the rest of server-kit traces through the helpers of context.ts.
 */
export { startTelemetry, type Telemetry, type TelemetryOptions } from "./setup.ts";
export { TelemetryEnv, TelemetryEnvSchema, type TelemetryConfig } from "./env.ts";
export {
  activeSpanContext,
  currentTraceparent,
  newTraceId,
  parseTraceparent,
  tracingOn,
  untraced,
  withSpan,
  withSpanFromTraceparent,
} from "./context.ts";
export { setHttpRoute, traceRequests } from "./http.ts";

import { z } from "zod";

/**
 * The tracing settings every service reads (part of BaseEnvSchema). Named as OpenTelemetry names
 * them, so a collector's usual configuration applies; only these three are read.
 */
export const TelemetryEnv = {
  /** OTLP/HTTP base URL of a collector; traces go to `<it>/v1/traces` as JSON. Unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      description:
        "OTLP/HTTP base URL of an OpenTelemetry collector (`http://otel-collector:4318`): traces are sent as JSON to `<it>/v1/traces` (see docs/observability.md)",
      displayDefault: "unset: no tracing, nothing loaded",
    }),
  /** The share of new traces recorded (ParentBased(TraceIdRatio)); an incoming sampled traceparent is always followed. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe(
      "with tracing on, the share of new traces recorded (0 to 1; `0.1` records one in ten); a request whose caller's `traceparent` is sampled is always recorded",
    ),
  /** The `service.name` of the spans; the service's own name when unset. */
  OTEL_SERVICE_NAME: z.string().min(1).max(100).optional().meta({
    description: "`service.name` of the service's spans",
    displayDefault: "the service's name (`user-api`, `inventory-api`, `notification-api`)",
  }),
};

export const TelemetryEnvSchema = z.object(TelemetryEnv);
export type TelemetryConfig = z.output<typeof TelemetryEnvSchema>;

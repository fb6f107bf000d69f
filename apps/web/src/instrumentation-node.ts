import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { Env } from "./env";

// Tracing for the web app's Node.js server, started by register() (instrumentation.ts) when
// OTEL_EXPORTER_OTLP_ENDPOINT is set. Next.js emits its own spans (the request, the route, each
// render and server action) once a tracer provider is registered; the server in front of it
// (scripts/server.mjs) opens the request's span, so that pages its cache answers are traced too and
// Next's spans are its children. The SDK's calls to the APIs go through the global fetch (undici):
// its instrumentation makes each one a client span and sends `traceparent`, which the APIs continue.

/** What scripts/server.mjs calls on SIGTERM so that the last spans are sent before the exit. */
export const TRACING_SHUTDOWN = Symbol.for("sharehood.web.tracing-shutdown");

type TracingEnv = Pick<Env, "OTEL_TRACES_SAMPLER_ARG" | "OTEL_SERVICE_NAME" | "OTEL_BSP_SCHEDULE_DELAY"> & {
  OTEL_EXPORTER_OTLP_ENDPOINT: string;
};

export function startTracing(env: TracingEnv): void {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME }),
    // A request that arrives with a sampled `traceparent` (from a proxy the server trusts, see
    // server.mjs) is traced whatever the ratio; a new trace is kept at the ratio.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(env.OTEL_TRACES_SAMPLER_ARG) }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({
          url: `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`,
        }),
        scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new UndiciInstrumentation()] });
  stampLogLinesWithTraceId();
  (globalThis as Record<symbol, unknown>)[TRACING_SHUTDOWN] = () => provider.shutdown();
}

/**
 * Every line the server writes through the console (its own, the app's and Next.js's) starts with
 * the trace id of the request it was written for, as the APIs' log lines carry theirs.
 */
function stampLogLinesWithTraceId(): void {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const span = trace.getSpanContext(context.active());
      if (!span || !trace.isSpanContextValid(span)) return write(...args);
      const stamp = `trace_id=${span.traceId}`;
      // Prefixed to a message string (its %s placeholders still meet their arguments), else first.
      if (typeof args[0] === "string") write(`${stamp} ${args[0]}`, ...args.slice(1));
      else write(stamp, ...args);
    };
  }
}

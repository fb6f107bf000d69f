import { pino, type DestinationStream, type Logger } from "pino";
import { activeTraceContext, tracingOn } from "./telemetry/context.ts";

export type { Logger };

/** With tracing on, the active trace's ids on every line written inside one (requests, events, jobs). */
// A fresh object each time: pino merges the line's own fields into what the mixin answers.
function traceFields(): object {
  if (!tracingOn()) return {};
  const span = activeTraceContext();
  return span ? { traceId: span.traceId, spanId: span.spanId } : {};
}

/**
 * The one logger factory: JSON lines, with the service name on every line, and the trace id on
 * every line written inside a span (with tracing off, each request's logger carries one instead).
 */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    mixin: traceFields,
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token", "*.refreshToken"],
      remove: true,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

import { context, propagation } from "@opentelemetry/api";

/** What Node's diagnostics_channel offers, as far as this needs it (absent in browsers). */
interface DiagnosticsChannel {
  hasSubscribers(name: string): boolean;
}

function diagnosticsChannel(): DiagnosticsChannel | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.("node:diagnostics_channel") as DiagnosticsChannel | undefined;
}

/**
 * Adds the active span's W3C trace context (`traceparent`) to a request's headers, through the
 * OpenTelemetry API: a no-op unless the process registered an SDK and a propagator. Skipped when an
 * undici instrumentation listens to fetch (`undici:request:create`): it injects its own client
 * span's context, and a second `traceparent` would make the header invalid.
 */
export function injectTraceContext(headers: Record<string, string>): void {
  if (diagnosticsChannel()?.hasSubscribers("undici:request:create")) return;
  propagation.inject(context.active(), headers);
}

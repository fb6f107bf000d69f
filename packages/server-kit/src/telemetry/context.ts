import { randomBytes } from "node:crypto";
import {
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
  type SpanContext,
} from "@opentelemetry/api";

// What the rest of server-kit uses of tracing, through @opentelemetry/api only. While no SDK is
// registered (OTEL_EXPORTER_OTLP_ENDPOINT unset) every helper here answers at once without
// starting anything: `tracingOn()` is false.

const STATE = Symbol.for("sharehood.telemetry");

// The switch lives on globalThis: dist/main.js (which sets tracing up) and dist/serve.js (the server)
// are separate bundles, each with its own copy of this module.
interface TelemetryState {
  on: boolean;
  flush?: () => Promise<void>;
}
const state: TelemetryState = ((globalThis as { [STATE]?: TelemetryState })[STATE] ??= { on: false });

/** Whether startTelemetry registered an SDK in this process. */
export function tracingOn(): boolean {
  return state.on;
}

/** @internal startTelemetry's switch, and how to export what is buffered. */
export function setTracingOn(value: boolean, flush?: () => Promise<void>): void {
  state.on = value;
  state.flush = value ? flush : undefined;
}

/** Exports the spans still buffered (a stopping process calls it last); resolves at once when off. */
export async function flushTelemetry(): Promise<void> {
  await state.flush?.().catch(() => undefined);
}

export const tracer = () => trace.getTracer("@sharehood/server-kit");

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZEROS = /^0+$/;

/** The span context a W3C `traceparent` names, or undefined when it is not a valid one. */
export function parseTraceparent(header: unknown): SpanContext | undefined {
  if (typeof header !== "string") return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match || ZEROS.test(match[1]!) || ZEROS.test(match[2]!)) return undefined;
  return { traceId: match[1]!, spanId: match[2]!, traceFlags: parseInt(match[3]!, 16) & 1, isRemote: true };
}

/** A fresh trace id (32 hex), for logs when nothing traces the request. */
export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

/** The active span's context, when there is a valid one. */
export function activeSpanContext(ctx: Context = context.active()): SpanContext | undefined {
  const spanContext = trace.getSpanContext(ctx);
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext : undefined;
}

/**
 * Where a request or job that the sampler left out keeps its trace: no span of any kind is active
 * then, so instrumentations (which start their spans only under a parent) skip their work at once,
 * yet logs still carry the trace id and calls, events and jobs still pass it on as not sampled
 * (`-00`), so that no later service starts a fragment of that trace on its own.
 */
const UNSAMPLED = createContextKey("sharehood unsampled trace");

/** `parent` carrying `spanContext` as a trace that goes on unrecorded. */
export function unsampledContext(parent: Context, spanContext: SpanContext): Context {
  return parent.setValue(UNSAMPLED, { ...spanContext, traceFlags: TraceFlags.NONE });
}

const carriedUnsampled = (ctx: Context) => ctx.getValue(UNSAMPLED) as SpanContext | undefined;

/** The unrecorded trace `ctx` carries, when it carries no span. */
export function unsampledTrace(ctx: Context = context.active()): SpanContext | undefined {
  return activeSpanContext(ctx) ? undefined : carriedUnsampled(ctx);
}

/** The trace the active work belongs to, recorded (its span's) or not. */
export function activeTraceContext(ctx: Context = context.active()): SpanContext | undefined {
  return activeSpanContext(ctx) ?? carriedUnsampled(ctx);
}

/** The active trace as a W3C `traceparent` (for event envelopes and job data); undefined when tracing is off. */
export function currentTraceparent(): string | undefined {
  if (!state.on) return undefined;
  const spanContext = activeTraceContext();
  return spanContext && traceparentOf(spanContext);
}

export function traceparentOf(spanContext: SpanContext): string {
  const flags = (spanContext.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, "0");
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}

/** A context whose parent is the span `traceparent` names (the root context when it names none). */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  const spanContext = parseTraceparent(traceparent);
  return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}

/** A context carrying what incoming HTTP headers say (W3C trace context). */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Ends a span with the outcome of `work`, marking an error. */
async function endWith<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Runs `work` in a CONSUMER span whose parent is the span `traceparent` names (an event's, a job's),
 * so its effects land in the trace of the request that caused them. Without a traceparent the span
 * starts a trace of its own; with tracing off, `work` just runs.
 */
export function withSpanFromTraceparent<T>(
  name: string,
  traceparent: string | undefined,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  if (!state.on) return work();
  const parent = contextFromTraceparent(traceparent);
  const remote = activeSpanContext(parent);
  if (remote && !(remote.traceFlags & TraceFlags.SAMPLED))
    return context.with(unsampledContext(ROOT_CONTEXT, remote), work);
  const span = tracer().startSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent);
  return context.with(trace.setSpan(parent, span), () => endWith(span, work));
}

/** Runs `work` in a span of `kind` under the active context (a no-op wrapper with tracing off). */
export function withSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  work: (span: Span | undefined) => Promise<T>,
  parent: Context = context.active(),
): Promise<T> {
  if (!state.on || unsampledTrace(parent)) return work(undefined);
  const span = tracer().startSpan(name, { kind, attributes }, parent);
  return context.with(trace.setSpan(parent, span), () => endWith(span, () => work(span)));
}

/** Runs `work` with tracing suppressed (no spans, no injected headers): the event bus's own plumbing. */
export function untraced<T>(work: () => T): T {
  if (!state.on) return work();
  // @opentelemetry/core's suppressTracing, by its well-known key (core is loaded only with tracing on).
  return context.with(context.active().setValue(SUPPRESS_TRACING, true), work);
}

const SUPPRESS_TRACING = Symbol.for("OpenTelemetry SDK Context Key SUPPRESS_TRACING");

/** Whether `ctx` is inside `untraced`. */
export const isUntraced = (ctx: Context): boolean => ctx.getValue(SUPPRESS_TRACING) === true;

export { SpanKind };

import { existsSync, realpathSync } from "node:fs";
import { createRequire, register } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  context,
  propagation,
  trace,
  type Context,
  type TextMapPropagator,
  type Span,
  type SpanOptions,
  type Tracer,
  type TracerProvider,
} from "@opentelemetry/api";
import type * as SdkTraceModule from "@opentelemetry/sdk-trace";
import type * as ContextAsyncHooksModule from "@opentelemetry/context-async-hooks";
import type * as CoreModule from "@opentelemetry/core";
import type * as ResourcesModule from "@opentelemetry/resources";
import type * as ExporterModule from "@opentelemetry/exporter-trace-otlp-http";
import type * as InstrumentationModule from "@opentelemetry/instrumentation";
import type * as UndiciModule from "@opentelemetry/instrumentation-undici";
import type * as PrismaModule from "@prisma/instrumentation";
import type * as PgModule from "@opentelemetry/instrumentation-pg";
import type * as IORedisModule from "@opentelemetry/instrumentation-ioredis";
import type * as HttpModule from "@opentelemetry/instrumentation-http";
import { activeSpanContext, isUntraced, setTracingOn, traceparentOf, unsampledTrace } from "./context.ts";
import { TelemetryEnvSchema, type TelemetryConfig } from "./env.ts";

type SdkTrace = typeof SdkTraceModule;
type SpanProcessor = InstanceType<SdkTrace["BatchSpanProcessor"]>;

export interface TelemetryOptions {
  /** The service's name (`inventory-api`); OTEL_SERVICE_NAME overrides it. */
  serviceName: string;
  /** The tracing settings (default: read from process.env; a bad value exits like loadEnv). */
  config?: TelemetryConfig;
  /**
   * Register the import-in-the-middle loader hook so that `pg`, `ioredis` and `node:http(s)`, imported
   * from ES modules (the bundles), are patched: it only works before those modules load, which is why
   * main.ts calls this first and imports the server after. Without it only CommonJS `require`s of
   * them are patched (tests do that). Default true.
   */
  moduleHooks?: boolean;
  /** BatchSpanProcessor's delay between exports, in ms (default 1000). */
  exportDelayMs?: number;
}

export interface Telemetry {
  /** Whether an SDK was registered (the endpoint is set). */
  readonly enabled: boolean;
  /** Exports what is buffered now. */
  flush(): Promise<void>;
  /** Exports what is buffered and unregisters everything. */
  shutdown(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, flush: async () => {}, shutdown: async () => {} };

/**
 * The packages of the SDK are loaded from server-kit's own node_modules, whatever imports this: the
 * services run as bundles in apps/<name>/dist whose bare imports would resolve elsewhere (the
 * repository root holds older OpenTelemetry versions), while server-kit's dependencies sit next to
 * it both in the repository and in the images. Loaded only when tracing is on.
 */
function serverKitRequire(): NodeJS.Require {
  const here = createRequire(import.meta.url);
  for (const dir of here.resolve.paths("@sharehood/server-kit") ?? []) {
    const manifest = join(dir, "@sharehood", "server-kit", "package.json");
    if (existsSync(manifest)) return createRequire(realpathSync(manifest));
  }
  return here;
}

/** Modules the loader hook wraps (everything else loads untouched). */
const HOOKED_MODULES = ["pg", "pg-pool", "ioredis", "http", "https", "node:http", "node:https"];

/**
 * Sets up tracing for this process when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans exported as
 * OTLP/HTTP JSON to `<endpoint>/v1/traces` in batches, sampled ParentBased(TraceIdRatio
 * OTEL_TRACES_SAMPLER_ARG), W3C trace context propagation, async-local context, and the
 * instrumentations: undici (fetch), Prisma, and with `moduleHooks` pg, ioredis and node:http
 * clients. Incoming requests, the event relay and the consumers are traced by server-kit itself.
 * With the endpoint unset it loads and registers nothing.
 */
export function startTelemetry(options: TelemetryOptions): Promise<Telemetry> {
  return Promise.resolve(setUp(options));
}

function setUp(options: TelemetryOptions): Telemetry {
  const config = options.config ?? parseConfig();
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return OFF;
  const req = serverKitRequire();
  if (options.moduleHooks ?? true) {
    register(pathToFileURL(req.resolve("import-in-the-middle/hook.mjs")).href, {
      data: { include: HOOKED_MODULES },
    });
  }
  const sdk = req("@opentelemetry/sdk-trace") as SdkTrace;
  const { AsyncLocalStorageContextManager } = req(
    "@opentelemetry/context-async-hooks",
  ) as typeof ContextAsyncHooksModule;
  const { W3CTraceContextPropagator } = req("@opentelemetry/core") as typeof CoreModule;
  const { resourceFromAttributes } = req("@opentelemetry/resources") as typeof ResourcesModule;
  const { OTLPTraceExporter } = req("@opentelemetry/exporter-trace-otlp-http") as typeof ExporterModule;
  const { registerInstrumentations } = req("@opentelemetry/instrumentation") as typeof InstrumentationModule;

  const processor: SpanProcessor = new sdk.BatchSpanProcessor({
    exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` }),
    scheduledDelayMillis: options.exportDelayMs ?? 1_000,
  });
  const provider = new sdk.TracerProvider({
    resource: resourceFromAttributes({
      "service.name": config.OTEL_SERVICE_NAME ?? options.serviceName,
    }),
    sampler: new sdk.ParentBasedSampler({
      root: notUnderUnsampled(sdk, new sdk.TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG)),
    }),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager();
  context.setGlobalContextManager(contextManager.enable());
  propagation.setGlobalPropagator(withUnsampled(new W3CTraceContextPropagator()));
  trace.setGlobalTracerProvider(provider);

  const { UndiciInstrumentation } = req("@opentelemetry/instrumentation-undici") as typeof UndiciModule;
  const { PrismaInstrumentation } = req("@prisma/instrumentation") as typeof PrismaModule;
  const instrumentations: { enable(): void }[] = [new UndiciInstrumentation({ requireParentforSpans: true })];
  {
    const { PgInstrumentation } = req("@opentelemetry/instrumentation-pg") as typeof PgModule;
    const { IORedisInstrumentation } = req("@opentelemetry/instrumentation-ioredis") as typeof IORedisModule;
    const { HttpInstrumentation } = req("@opentelemetry/instrumentation-http") as typeof HttpModule;
    instrumentations.push(
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      // Outgoing node:http(s) only (the S3 client); incoming requests get server-kit's own span.
      new HttpInstrumentation({
        disableIncomingRequestInstrumentation: true,
        requireParentforOutgoingSpans: true,
      }),
    );
  }
  const unregister = registerInstrumentations({
    instrumentations: instrumentations as Parameters<typeof registerInstrumentations>[0]["instrumentations"],
  });
  // Prisma would start a trace for every query, the relay's polls included: keep only those made
  // inside a trace (a request, an event, a job). Enabled apart, as registerInstrumentations would
  // hand it the global provider instead.
  const prisma = new PrismaInstrumentation({ enabled: false });
  prisma.setTracerProvider(childrenOnly(provider));
  prisma.enable();
  setTracingOn(true, () => provider.forceFlush());
  return {
    enabled: true,
    flush: () => provider.forceFlush(),
    async shutdown() {
      setTracingOn(false);
      unregister();
      prisma.disable();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

function parseConfig(): TelemetryConfig {
  const cleaned = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const result = TelemetryEnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  process.stderr.write(`Invalid environment, refusing to start:\n${lines.join("\n")}\n`);
  process.exit(1);
}

/**
 * The root sampler, except inside a trace that is going on unrecorded (context.ts): no span there may
 * start a trace of its own, which would be a fragment of that one.
 */
function notUnderUnsampled(sdk: SdkTrace, root: SdkTraceModule.Sampler): SdkTraceModule.Sampler {
  return {
    shouldSample: (ctx, ...rest) =>
      unsampledTrace(ctx) ? { decision: sdk.SamplingDecision.NOT_RECORD } : root.shouldSample(ctx, ...rest),
    toString: () => `NotUnderUnsampled{${root.toString()}}`,
  };
}

/** W3C trace context, which also passes on a trace going on unrecorded (as `traceparent` with `-00`). */
function withUnsampled(w3c: TextMapPropagator): TextMapPropagator {
  return {
    inject(ctx, carrier, setter) {
      const unsampled = unsampledTrace(ctx);
      if (unsampled === undefined) w3c.inject(ctx, carrier, setter);
      else if (!isUntraced(ctx)) setter.set(carrier, "traceparent", traceparentOf(unsampled));
    },
    extract: (ctx, carrier, getter) => w3c.extract(ctx, carrier, getter),
    fields: () => w3c.fields(),
  };
}

/** A provider whose tracers start real spans only under a valid parent (else a no-op span). */
function childrenOnly(provider: TracerProvider): TracerProvider {
  return {
    getTracer(name, version, options) {
      const real = provider.getTracer(name, version, options);
      const parented = (ctx: Context) => activeSpanContext(ctx) !== undefined;
      const tracer: Tracer = {
        startSpan(spanName: string, spanOptions?: SpanOptions, ctx: Context = context.active()): Span {
          return parented(ctx)
            ? real.startSpan(spanName, spanOptions, ctx)
            : trace.wrapSpanContext(trace.getSpanContext(ctx) ?? INVALID);
        },
        startActiveSpan(spanName: string, ...rest: unknown[]) {
          const fn = rest.pop() as (span: Span) => unknown;
          const [spanOptions, ctx = context.active()] = rest as [
            SpanOptions | undefined,
            Context | undefined,
          ];
          const span = tracer.startSpan(spanName, spanOptions, ctx);
          // Unparented, nothing becomes active: what runs inside (pg) sees no trace either.
          return parented(ctx)
            ? context.with(trace.setSpan(ctx, span), fn, undefined, span)
            : context.with(ctx, fn, undefined, span);
        },
      };
      return tracer;
    },
  };
}

const INVALID = { traceId: "0".repeat(32), spanId: "0".repeat(16), traceFlags: 0 };

import { createRequire } from "node:module";
import type { RequestListener } from "node:http";
import { context, propagation, trace } from "@opentelemetry/api";
import { expect, it } from "vitest";
import { startTelemetry, traceRequests, tracingOn } from "./index.ts";

it("with no OTEL_EXPORTER_OTLP_ENDPOINT, loads and registers nothing", async () => {
  const telemetry = await startTelemetry({ serviceName: "x", config: { OTEL_TRACES_SAMPLER_ARG: 1 } });
  expect(telemetry.enabled).toBe(false);
  expect(tracingOn()).toBe(false);
  expect(trace.getTracer("x").startSpan("y").isRecording()).toBe(false);
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  expect(headers).toEqual({});
  const listener: RequestListener = () => undefined;
  expect(traceRequests(listener)).toBe(listener);
  // Neither the SDK nor the loader hook was loaded.
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  expect(loaded.filter((path) => /sdk-trace|import-in-the-middle|exporter-trace/.test(path))).toEqual([]);
});

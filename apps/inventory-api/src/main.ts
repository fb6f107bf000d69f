// The service's entry (`node dist/main.js`). Tracing is set up first: with OTEL_EXPORTER_OTLP_ENDPOINT
// set, the loader hook that lets pg and ioredis be traced must be registered before they load, so the
// server is imported only then (serve.ts, bundled as its own file: dist/serve.js).
import { startTelemetry } from "@sharehood/server-kit/telemetry";

await startTelemetry({ serviceName: "inventory-api" });
await import("./serve.ts");

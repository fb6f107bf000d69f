// A real OTLP/HTTP receiver in the test's process: what an OpenTelemetry Collector's `otlphttp`
// receiver accepts, reduced to traces sent as JSON (POST /v1/traces, the exporters' default here).
// In OTLP's JSON encoding trace and span ids are hex strings (not proto3's base64) and enums such as
// the span kind are numbers; both are checked rather than assumed.
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

/** OTLP's SpanKind numbers. */
export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

/** One span as received, with its resource's service name and its attributes as plain values. */
export interface ReceivedSpan {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

type AnyValue = {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};
type KeyValue = { key: string; value?: AnyValue };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  attributes?: KeyValue[];
};
type ExportTraceServiceRequest = {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
};

const HEX_ID = { trace: /^[0-9a-f]{32}$/, span: /^[0-9a-f]{16}$/ };

function plain(value: AnyValue | undefined): unknown {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  return undefined;
}
const attributesOf = (list: KeyValue[] | undefined) =>
  Object.fromEntries((list ?? []).map(({ key, value }) => [key, plain(value)]));

/** The spans of one request body; throws on ids that are not OTLP/JSON's lower-case hex. */
export function spansOf(body: ExportTraceServiceRequest): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resourceSpans) => {
    const name = attributesOf(resourceSpans.resource?.attributes)["service.name"];
    const service = typeof name === "string" ? name : "";
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span) => {
        const parentSpanId = span.parentSpanId ?? "";
        if (
          !HEX_ID.trace.test(span.traceId) ||
          !HEX_ID.span.test(span.spanId) ||
          !(parentSpanId === "" || HEX_ID.span.test(parentSpanId))
        )
          throw new Error(`ids are not hex: ${JSON.stringify(span).slice(0, 200)}`);
        return {
          service,
          scope: scopeSpans.scope?.name ?? "",
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId,
          name: span.name,
          kind: span.kind ?? 0,
          attributes: attributesOf(span.attributes),
        };
      }),
    );
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
}

/** Starts the receiver on `port` (0: any free port); `url` is what OTEL_EXPORTER_OTLP_ENDPOINT names. */
export async function startOtlpReceiver(port = 0) {
  const spans: ReceivedSpan[] = [];
  const waiters = new Set<() => void>();
  const problems: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      if (!String(req.headers["content-type"]).startsWith("application/json")) {
        problems.push(`content-type ${req.headers["content-type"]}`);
        res.writeHead(415).end();
        return;
      }
      try {
        spans.push(
          ...spansOf(JSON.parse((await readBody(req)).toString("utf8")) as ExportTraceServiceRequest),
        );
      } catch (error) {
        problems.push(String(error));
        res.writeHead(400, { "content-type": "application/json" }).end("{}");
        return;
      }
      // An ExportTraceServiceResponse with nothing rejected.
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      for (const wake of waiters) wake();
    })();
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    /** Every span received so far. */
    spans: () => [...spans],
    /** Bodies that were refused (not JSON, ids not hex). */
    problems: () => [...problems],
    /**
     * The spans of a trace once `done` holds for them, checked after every export; rejects at the
     * deadline, naming what did arrive.
     */
    waitForTrace(
      traceId: string,
      done: (spans: ReceivedSpan[]) => boolean,
      timeoutMs: number,
    ): Promise<ReceivedSpan[]> {
      const ofTrace = () => spans.filter((span) => span.traceId === traceId);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done(ofTrace())) return;
          finish();
          resolve(ofTrace());
        };
        const timer = setTimeout(() => {
          finish();
          const got = ofTrace().map((span) => `${span.service} ${span.name}`);
          reject(new Error(`trace ${traceId} incomplete after ${timeoutMs} ms; received: ${got.join(", ")}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type OtlpReceiver = Awaited<ReturnType<typeof startOtlpReceiver>>;

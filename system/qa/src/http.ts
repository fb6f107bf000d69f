import { Agent, request, type IncomingHttpHeaders } from "node:http";

/** One HTTP exchange as the suites see it: raw text, parsed JSON when it is JSON, and timing. */
export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
  ms: number;
}

export interface HttpRequest {
  method: string;
  /** The request target exactly as sent (path and query), so malformed paths reach the server. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  /**
   * An answer of `text/event-stream` never ends by itself: what arrived within this many
   * milliseconds after its headers is the answer, then the client hangs up. Default 150.
   */
  streamMs?: number;
}

const isEventStream = (headers: IncomingHttpHeaders) =>
  /^text\/event-stream\b/i.test(headers["content-type"] ?? "");

// Keep-alive, a modest pool: the suites send concurrently but never flood the loopback.
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

// Node refuses header values with control characters; anything else is sent byte for byte, so a
// non-Latin-1 value goes out as its UTF-8 bytes (what a misbehaving client would send).
function headerValue(value: string): string {
  return (
    Buffer.from(value, "utf8")
      .toString("latin1")
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, "")
  );
}

/**
 * Sends one request with `node:http`, not fetch: fetch would normalise the path (`/a/../b`),
 * refuse odd header values and hide what the server really answered.
 */
export function send(baseUrl: string, req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers ?? {})) headers[name] = headerValue(value);
  // Node frames a GET/HEAD/DELETE body only when told its length; unframed, the bytes would be read
  // as the start of the next request on the connection.
  if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        timeout: req.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let settled = false;
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => {
          if (!settled) reject(error);
        });
        const finish = () => {
          if (settled) return;
          settled = true;
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = undefined;
          if (/json/.test(res.headers["content-type"] ?? "")) {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
            ms: performance.now() - started,
          });
        };
        // A stream never ends by itself: what came within `streamMs` is the answer. Its socket is
        // closed rather than given back to the pool (a HEAD's answer "ends" at once while the server
        // still holds the connection), so no later request waits behind it.
        const socket = res.socket;
        const stream = isEventStream(res.headers);
        res.on("end", () => {
          if (stream) socket?.destroy();
          finish();
        });
        if (stream)
          setTimeout(() => {
            finish();
            socket?.destroy();
          }, req.streamMs ?? 150);
      },
    );
    outgoing.on("timeout", () =>
      outgoing.destroy(new Error(`no answer within ${req.timeoutMs ?? 15_000} ms`)),
    );
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

/** Sends JSON (or nothing) with an optional bearer token. */
export function sendJson(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  return send(baseUrl, { method, path, headers, body });
}

import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { LookupFunction } from "node:net";
import { WEBHOOK_USER_AGENT } from "@sharehood/sdk/contract";
import { guardedLookup, literalAddressOf, refusalOf, RefusedTarget } from "./target-guard.ts";

/** What one attempt came to: a status (2xx: delivered) or an error, and how long it took. */
export interface AttemptResult {
  ok: boolean;
  status: number | null;
  latencyMs: number;
  error: string | null;
}

/** How much of an endpoint's answer is read (and thrown away) before the attempt ends. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Keep-alive agents shared by every delivery: a busy endpoint gets its events over one connection.
 * A pooled socket was checked when it connected, and is checked again below at each reuse.
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 8, timeout: 30_000 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 8, timeout: 30_000 }),
};

/**
 * POSTs one signed event to an endpoint with node:http(s) (not fetch, which cannot be told where to
 * connect): the name is resolved by a lookup that hands the socket only addresses webhooks may reach,
 * and the address actually connected to is checked again before a byte is sent (DNS rebinding, a
 * literal address, a reused socket). Follows no redirect (a 3xx fails), gives up after `timeoutMs`
 * (connecting, sending and the whole answer), and never throws.
 */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean; resolve?: LookupFunction },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: elapsed() });
    };
    const fail = (error: string) => finish({ ok: false, status: null, error });

    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ ok: false, status: null, latencyMs: 0, error: "not a valid URL" });
    }
    const literal = literalAddressOf(target);
    const refusedLiteral = literal && refusalOf(literal, options.allowPrivate);
    if (refusedLiteral) return resolve({ ok: false, status: null, latencyMs: 0, error: refusedLiteral });
    const agent =
      target.protocol === "https:"
        ? agents["https:"]
        : target.protocol === "http:"
          ? agents["http:"]
          : undefined;
    if (!agent) return resolve({ ok: false, status: null, latencyMs: 0, error: "not an http(s) URL" });

    const request = (target.protocol === "https:" ? https : http).request(target, {
      method: "POST",
      agent,
      lookup: guardedLookup(options.allowPrivate, options.resolve),
      headers: {
        ...headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": WEBHOOK_USER_AGENT,
      },
    });
    const timer = setTimeout(() => {
      const error = `no answer within ${options.timeoutMs} ms`;
      fail(error);
      request.destroy(new Error(error));
    }, options.timeoutMs);

    request.on("error", (error) =>
      fail(error instanceof RefusedTarget ? error.message : `request failed: ${error.message}`),
    );
    // Nothing is written before the socket is connected and its peer's address is checked.
    request.on("socket", (socket: Socket) => {
      const check = () => {
        const peer = socket.remoteAddress;
        const refused = peer ? refusalOf(peer, options.allowPrivate) : "the connection has no peer address";
        if (refused) {
          request.destroy(new RefusedTarget(`connected to a refused address: ${refused}`));
          return;
        }
        request.end(body);
      };
      if (socket.connecting) socket.once("connect", check);
      else check();
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      response.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
      });
      const done = () => {
        if (status >= 200 && status < 300) finish({ ok: true, status, error: null });
        else if (status >= 300 && status < 400)
          finish({
            ok: false,
            status,
            error: `the endpoint answered ${status}, a redirect (to ${response.headers.location ?? "nowhere"}), which is not followed`,
          });
        else finish({ ok: false, status, error: `the endpoint answered ${status}` });
      };
      response.on("end", done);
      response.on("close", done);
      response.on("error", () => done());
    });
  });
}

import { interleaved, type Figures, type RequestSpec } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import type { BenchStack } from "../stack.ts";

const ROUNDS = 5;
const SECONDS = 3;
const CONNECTIONS = 10;
const BODY = JSON.stringify({
  title: "Benchmark ladder",
  description: "Created by the benchmark.",
  categoryId: "tools",
  condition: "good",
});

async function validateCalls(stack: BenchStack): Promise<number> {
  const text = await (await fetch(`${stack.users.url}/metrics`)).text();
  return [...text.matchAll(/http_requests_total\{[^}]*route="\/auth\/validate-token"[^}]*\} (\d+)/g)].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );
}

const post = (url: string, token?: string): RequestSpec => ({
  url: `${url}/items`,
  method: "POST",
  body: BODY,
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
});
const LOAD = { connections: CONNECTIONS, durationSeconds: SECONDS };
// The rounds with a cached token, the warm-up one included, run back to back.
const WINDOW_SECONDS = (ROUNDS + 1) * SECONDS;

/**
 * What authorising a write costs: POST /items with the token's validation cached, against the same
 * insert with the auth step skipped (a bench-only switch); then with no token cache at all (one
 * loopback call to the User API per write) against the cached case.
 */
export async function authOverhead(stack: BenchStack): Promise<ScenarioResult[]> {
  const { accessToken } = await stack.client().auth.register({
    body: { email: `bench-${Date.now()}@example.com`, password: "password123", name: "Bench" },
  });
  const before = await validateCalls(stack);
  const cached = await interleaved(
    ROUNDS,
    post(stack.inventory.skipAuth.url),
    post(stack.inventory.main.url, accessToken),
    LOAD,
  );
  const calls = (await validateCalls(stack)) - before;
  const writes = cached.subject.requests;
  const uncached = await interleaved(
    ROUNDS,
    post(stack.inventory.main.url, accessToken),
    post(stack.inventory.noTokenCache.url, accessToken),
    LOAD,
  );

  const overhead = (a: Figures, b: Figures) => ({ p50: b.p50 - a.p50, p99: b.p99 - a.p99 });
  const c = overhead(cached.baseline, cached.subject);
  const u = overhead(uncached.baseline, uncached.subject);
  return [
    {
      title: `Authenticated POST /items, token validation cached, ${CONNECTIONS} connections`,
      rows: [
        { label: "auth skipped (bench variant)", figures: cached.baseline },
        { label: "token validated, from cache", figures: cached.subject },
      ],
      verdicts: [
        { target: "overhead < 1 ms p50", value: `${fmt(c.p50)} ms`, met: c.p50 < 1 },
        { target: "overhead < 2 ms p99", value: `${fmt(c.p99)} ms`, met: c.p99 < 2 },
        {
          target: "one validate-token call per cache lifetime",
          value: `${calls} call(s) for ${writes} writes over ${WINDOW_SECONDS} s (cache lifetime 30 s)`,
          met: calls <= Math.ceil(WINDOW_SECONDS / 30) + 1,
        },
      ],
      raw: cached.raw,
      notes: [
        "Both sides run interleaved request by request, so their figures come from the same moments; the bound allows one validate-token call per 30 s of wall time, plus one.",
      ],
    },
    {
      title: `Authenticated POST /items, token validation NOT cached, ${CONNECTIONS} connections`,
      rows: [
        { label: "validation cached", figures: uncached.baseline },
        { label: "validation by the User API on every write", figures: uncached.subject },
      ],
      verdicts: [
        { target: "overhead < 3 ms p50", value: `${fmt(u.p50)} ms`, met: u.p50 < 3 },
        { target: "overhead < 10 ms p99", value: `${fmt(u.p99)} ms`, met: u.p99 < 10 },
      ],
      raw: uncached.raw,
    },
  ];
}

import autocannon from "autocannon";
import { Agent, request } from "undici";

/** What one load run measured. */
export interface Figures {
  rps: number;
  p50: number;
  p95?: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Statuses that count as success besides 2xx (304 for conditional GETs). */
  expect?: number[];
}

/** One kind of request, without the load around it. */
export type RequestSpec = Omit<LoadSpec, "connections" | "durationSeconds">;

/** Drives load with autocannon and keeps the figures that matter. */
export async function load(spec: LoadSpec): Promise<Figures> {
  let unexpected = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        method: spec.method ?? "GET",
        headers: spec.headers,
        body: spec.body,
      },
      (error, finished) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished),
    );
    instance.on("response", (_client, statusCode: number) => {
      if ((statusCode < 200 || statusCode >= 300) && !(spec.expect ?? []).includes(statusCode))
        unexpected += 1;
    });
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: unexpected,
    requests: result.requests.total,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** p50, p95 and p99 of request times (sorts them in place). */
function percentiles(times: number[]) {
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: times.length,
  };
}

/** Figures of a list of durations in milliseconds that are not requests (no request rate). */
export function durationFigures(times: number[], errors = 0): Figures {
  return { ...percentiles([...times]), rps: NaN, errors, non2xx: 0 };
}

/**
 * One connection, one request at a time, each timed on its own: the latency figure a single user
 * sees (autocannon reports no p95, and at one connection a plain loop is the more exact tool).
 */
export async function sequential(
  urls: () => string,
  count: number,
  init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: () => string } = {},
): Promise<Figures> {
  const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 30_000 });
  const times: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    const t = process.hrtime.bigint();
    try {
      const res = await request(urls(), {
        method: init.method ?? "GET",
        headers: init.headers,
        body: init.body?.(),
        dispatcher,
      });
      await res.body.arrayBuffer();
      if (res.statusCode >= 300) errors += 1;
    } catch {
      errors += 1;
    }
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await dispatcher.close();
  return { ...percentiles(times), rps: count / seconds, errors, non2xx: errors };
}

/**
 * Sends one request and times it with the high-resolution clock, body read: `unexpected` for a
 * status outside 2xx that the spec does not expect, `error` when no answer came.
 */
async function timedRequest(
  spec: RequestSpec,
  dispatcher: Agent,
): Promise<{ ms: number; outcome: "ok" | "unexpected" | "error" }> {
  const t = process.hrtime.bigint();
  let outcome: "ok" | "unexpected" | "error" = "ok";
  try {
    const res = await request(spec.url, {
      method: spec.method ?? "GET",
      headers: spec.headers,
      body: spec.body,
      dispatcher,
    });
    await res.body.arrayBuffer();
    if ((res.statusCode < 200 || res.statusCode >= 300) && !(spec.expect ?? []).includes(res.statusCode))
      outcome = "unexpected";
  } catch {
    outcome = "error";
  }
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, outcome };
}

/**
 * Closed-loop load like autocannon's (each connection sends its next request when the last one is
 * answered), with every request timed by the high-resolution clock: autocannon's percentiles are
 * whole milliseconds, too coarse for overheads measured in fractions of one. The connections take
 * the specs in turn, request by request, so each spec's figures come from the same moments under
 * the same load: a difference between them is the endpoints', not the machine's from one second
 * to the next.
 */
export async function interleavedLoad(
  specs: RequestSpec[],
  options: { connections: number; durationSeconds: number },
): Promise<{ figures: Figures; times: number[] }[]> {
  const dispatcher = new Agent({ connections: options.connections, keepAliveTimeout: 30_000 });
  const sides = specs.map(() => ({ times: [] as number[], errors: 0, unexpected: 0 }));
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(options.durationSeconds * 1e9);
  const connection = async (index: number) => {
    for (let turn = index; process.hrtime.bigint() < deadline; turn += 1) {
      const side = sides[turn % specs.length]!;
      const { ms, outcome } = await timedRequest(specs[turn % specs.length]!, dispatcher);
      if (outcome === "unexpected") side.unexpected += 1;
      if (outcome === "error") side.errors += 1;
      side.times.push(ms);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, index) => connection(index)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await dispatcher.close();
  return sides.map(({ times, errors, unexpected }) => ({
    figures: { ...percentiles(times), rps: times.length / seconds, errors, non2xx: unexpected },
    times,
  }));
}

/**
 * Baseline and subject interleaved request by request, in several rounds. Each side's latency
 * percentiles are taken over all its requests pooled (a p99 of one 3 s round rests on a handful of
 * requests); its throughput is the median round's.
 */
export async function interleaved(
  rounds: number,
  baseline: RequestSpec,
  subject: RequestSpec,
  options: { connections: number; durationSeconds: number },
) {
  await interleavedLoad([baseline, subject], options); // warm-up, unrecorded
  const runs = { baseline: [] as Figures[], subject: [] as Figures[] };
  const pooled = { baseline: [] as number[], subject: [] as number[] };
  for (let i = 0; i < rounds; i += 1) {
    const [b, s] = await interleavedLoad([baseline, subject], options);
    runs.baseline.push(b!.figures);
    runs.subject.push(s!.figures);
    pooled.baseline.push(...b!.times);
    pooled.subject.push(...s!.times);
  }
  const side = (name: "baseline" | "subject"): Figures => ({
    ...medianFigures(runs[name]),
    ...percentiles(pooled[name]),
  });
  return { baseline: side("baseline"), subject: side("subject"), raw: runs };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The median of each figure over several runs. */
export function medianFigures(runs: Figures[]): Figures {
  const pick = (key: keyof Figures) => median(runs.map((r) => r[key] ?? NaN));
  return {
    rps: pick("rps"),
    p50: pick("p50"),
    p95: runs[0]?.p95 === undefined ? undefined : pick("p95"),
    p99: pick("p99"),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
  };
}

/**
 * The noise-resistant comparison: baseline and subject alternate, round after round, on the same
 * machine in the same minute, and each side's figure is its median. One unrecorded round first
 * warms both up (JIT, connection pools, PostgreSQL's buffers).
 */
export async function alternate(
  rounds: number,
  baseline: () => Promise<Figures>,
  subject: () => Promise<Figures>,
) {
  await baseline();
  await subject();
  const runs = { baseline: [] as Figures[], subject: [] as Figures[] };
  for (let i = 0; i < rounds; i += 1) {
    runs.baseline.push(await baseline());
    runs.subject.push(await subject());
  }
  return { baseline: medianFigures(runs.baseline), subject: medianFigures(runs.subject), raw: runs };
}

/**
 * Closed-loop load over a fixed list of requests, each sent once: `connections` at a time take the
 * next request from the list until it is empty or `durationSeconds` have passed. For requests that
 * may not be repeated at will (messages under a per-person limit: each request is its sender's own),
 * where autocannon would send the same request again and again. Every request is timed on its own.
 */
export async function queueLoad(
  requests: readonly RequestSpec[],
  options: { connections: number; durationSeconds: number },
): Promise<Figures> {
  const dispatcher = new Agent({ connections: options.connections, keepAliveTimeout: 30_000 });
  const times: number[] = [];
  let errors = 0;
  let unexpected = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(options.durationSeconds * 1e9);
  const connection = async () => {
    for (let spec = requests[next++]; spec && process.hrtime.bigint() < deadline; spec = requests[next++]) {
      const { ms, outcome } = await timedRequest(spec, dispatcher);
      if (outcome === "unexpected") unexpected += 1;
      if (outcome === "error") errors += 1;
      times.push(ms);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await dispatcher.close();
  return { ...percentiles(times), rps: times.length / seconds, errors, non2xx: unexpected };
}

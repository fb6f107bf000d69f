import fc from "fast-check";
import { leakViolations, problemViolations, securityHeaderViolations } from "../checks.ts";
import { send, type HttpRequest, type HttpResponse } from "../http.ts";
import type { NamedRoute, Service } from "../routes.ts";
import { buildRequest } from "./build-request.ts";
import { junkCase, routeCase, type FuzzCase } from "./cases.ts";
import { BAD_DATES, FORBIDDEN_KEYS, NASTY_IDS, NASTY_STRINGS } from "./vocabulary.ts";
import type { FuzzWorld } from "./world.ts";

/** Strings the fuzzer sends on purpose, which an error may quote back without that being a leak. */
const ECHOES = [
  ...NASTY_STRINGS,
  ...NASTY_IDS,
  ...FORBIDDEN_KEYS,
  ...BAD_DATES.filter((d) => typeof d === "string"),
];

export interface FuzzOptions {
  service: Service;
  routes: readonly NamedRoute[];
  world: FuzzWorld;
  seed: number;
  requests: number;
  concurrency: number;
  /** Heal the world (re-sign-in principals whose sessions a request ended) every this many batches. */
  healEvery?: number;
}

export interface Violation {
  check: string;
  label: string;
  mode: FuzzCase["mode"];
  status: number;
  request: string;
  response: string;
}

export interface FuzzReport {
  seed: number;
  sent: number;
  byMode: Record<FuzzCase["mode"], number>;
  byStatus: Record<string, number>;
  /** Per route: requests, successes, requests with a valid token. */
  byRoute: Record<string, { sent: number; ok: number; valid: number; ms: number }>;
  violations: Violation[];
  ms: number;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function excerpt(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** A request as a copy-pasteable curl line, shortened. */
export function describeRequest(baseUrl: string, req: HttpRequest): string {
  const headers = Object.entries(req.headers ?? {})
    .map(([k, v]) => `-H ${JSON.stringify(`${k}: ${excerpt(v, 80)}`)}`)
    .join(" ");
  const body =
    req.body === undefined ? "" : ` --data-binary ${JSON.stringify(excerpt(req.body.toString("utf8"), 300))}`;
  return `curl -X ${req.method} '${baseUrl}${excerpt(req.path, 300)}' ${headers}${body}`;
}

function check(c: FuzzCase, req: HttpRequest, res: HttpResponse): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`5xx (${res.status})`);
  problems.push(...problemViolations(res, req.method));
  problems.push(...securityHeaderViolations(res.headers).map((p) => `security header: ${p}`));
  problems.push(...leakViolations(res.text, ECHOES));
  const sentId = req.headers?.["x-request-id"];
  if (sentId !== undefined && SAFE_REQUEST_ID.test(sentId) && res.headers["x-request-id"] !== sentId)
    problems.push("x-request-id not echoed");
  const route = c.route;
  // Only valid requests: a mutated one may land on another route ("/loans/" is the list).
  if (route && c.mode === "valid" && req.method === route.method && res.status >= 200 && res.status < 300) {
    if (res.status !== route.status && res.status !== 200 && res.status !== 201)
      problems.push(`success status ${res.status}, contract says ${route.status}`);
    if (route.responseMediaType) {
      // A stream's events are not one JSON body: its media type is what the contract promises.
      const contentType = String(res.headers["content-type"] ?? "");
      if (!contentType.startsWith(route.responseMediaType))
        problems.push(`2xx content-type "${contentType}", contract says ${route.responseMediaType}`);
    } else if (route.response && res.status !== 204) {
      const parsed = route.response.safeParse(res.json);
      if (!parsed.success)
        problems.push(
          `2xx body outside the contract: ${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join(".")} ${i.message}`)
            .join("; ")}`,
        );
    }
  }
  return problems;
}

/**
 * Sends `requests` generated requests at one service, `concurrency` at a time, through a
 * fast-check property (so the run is reproducible from its seed), and checks every answer.
 * Violations are collected rather than thrown, so one run reports every kind of failure it met.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { world, service } = options;
  const baseUrl = world.endpoints[service];
  const caseArbitrary = fc.oneof(
    { weight: 9, arbitrary: fc.oneof(...options.routes.map((r) => routeCase(r))) },
    { weight: 1, arbitrary: junkCase(service) },
  );
  const report: FuzzReport = {
    seed: options.seed,
    sent: 0,
    byMode: { valid: 0, mutated: 0, junk: 0 },
    byStatus: {},
    byRoute: Object.fromEntries(options.routes.map((r) => [r.name, { sent: 0, ok: 0, valid: 0, ms: 0 }])),
    violations: [],
    ms: 0,
  };
  const started = performance.now();
  let batches = 0;

  async function exchange(c: FuzzCase): Promise<void> {
    let req: HttpRequest;
    try {
      req = buildRequest(c, world);
    } catch (error) {
      report.violations.push({
        check: `harness could not build the request: ${(error as Error).message}`,
        label: c.label,
        mode: c.mode,
        status: 0,
        request: JSON.stringify(c).slice(0, 300),
        response: "",
      });
      return;
    }
    report.sent += 1;
    report.byMode[c.mode] += 1;
    const stats = report.byRoute[c.label];
    if (stats) {
      stats.sent += 1;
      if (c.mode === "valid") stats.valid += 1;
    }
    let res: HttpResponse;
    try {
      res = await send(baseUrl, req);
    } catch (error) {
      report.byStatus.none = (report.byStatus.none ?? 0) + 1;
      report.violations.push({
        check: `no answer: ${(error as Error).message}`,
        label: c.label,
        mode: c.mode,
        status: 0,
        request: describeRequest(baseUrl, req),
        response: "",
      });
      return;
    }
    report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
    if (stats) stats.ms += res.ms;
    if (res.status < 300 && stats && req.method === c.route?.method) {
      stats.ok += 1;
      world.observe(c.label, res.json);
    }
    for (const problem of check(c, req, res)) {
      report.violations.push({
        check: problem,
        label: c.label,
        mode: c.mode,
        status: res.status,
        request: describeRequest(baseUrl, req),
        response: `${res.status} ${String(res.headers["content-type"] ?? "")} ${excerpt(res.text, 300)}`,
      });
    }
  }

  const numRuns = Math.ceil(options.requests / options.concurrency);
  await fc.assert(
    fc.asyncProperty(
      fc.array(caseArbitrary, { minLength: options.concurrency, maxLength: options.concurrency }),
      async (batch) => {
        batches += 1;
        try {
          if (batches % (options.healEvery ?? 25) === 0) await world.heal();
          const remaining = options.requests - report.sent;
          await Promise.all(batch.slice(0, Math.max(0, remaining)).map(exchange));
        } catch (error) {
          // Never fail the property itself: fast-check would print the whole batch, schemas and all.
          report.violations.push({
            check: `harness error: ${(error as Error).message}`,
            label: "(batch)",
            mode: "junk",
            status: 0,
            request: "",
            response: "",
          });
        }
      },
    ),
    { seed: options.seed, numRuns, endOnFailure: true },
  );
  report.ms = performance.now() - started;
  return report;
}

/** Groups violations by what failed where, with one example each, for a readable failure. */
export function summariseViolations(violations: readonly Violation[], limit = 25): string {
  const groups = new Map<string, { count: number; example: Violation }>();
  for (const v of violations) {
    const key = `${v.check} | ${v.label} | ${v.status}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, example: v });
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, limit)
    .map(
      ([key, { count, example }]) =>
        `\n• ${count}× ${key}\n    ${example.request}\n    → ${example.response}`,
    )
    .join("");
}

/** One line for the log: seed, counts, statuses, time. */
export function describeReport(name: string, report: FuzzReport, concurrency: number): string {
  const statuses = Object.entries(report.byStatus)
    .sort()
    .map(([s, n]) => `${s}:${n}`)
    .join(" ");
  const routes = Object.entries(report.byRoute)
    .map(([r, s]) => `${r} ${s.sent}/${s.valid}v/${s.ok}ok`)
    .join(", ");
  const slowest = Object.entries(report.byRoute)
    .sort((a, b) => b[1].ms / Math.max(1, b[1].sent) - a[1].ms / Math.max(1, a[1].sent))
    .slice(0, 3)
    .map(([r, s]) => `${r} ${(s.ms / Math.max(1, s.sent)).toFixed(0)}ms`)
    .join(", ");
  return (
    `[fuzz ${name}] seed=${report.seed} requests=${report.sent} ` +
    `(valid ${report.byMode.valid}, mutated ${report.byMode.mutated}, junk ${report.byMode.junk}) ` +
    `concurrency=${concurrency} in ${(report.ms / 1000).toFixed(1)}s; statuses ${statuses}; ` +
    `violations ${report.violations.length}\n  per route (sent/valid/2xx): ${routes}\n  slowest on average: ${slowest}\n` +
    `  reproduce: FUZZ_SEED=${report.seed} npm run test:fuzz`
  );
}

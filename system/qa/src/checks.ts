import { ERROR_CODES, ProblemSchema, STATUS_BY_CODE } from "@sharehood/sdk/contract";
import type { IncomingHttpHeaders } from "node:http";
import type { HttpResponse } from "./http.ts";

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

/**
 * What API.md demands of an error: `application/problem+json` with type, title, status, detail,
 * code (one of the fixed list, sent with its own status) and the request id, plus `Retry-After` on 429.
 */
export function problemViolations(res: HttpResponse, method = "GET"): string[] {
  if (res.status < 400) return [];
  const problems: string[] = [];
  const contentType = header(res.headers, "content-type") ?? "";
  if (!/^application\/problem\+json\b/.test(contentType))
    problems.push(`content-type is "${contentType}", not application/problem+json`);
  if (method === "HEAD") return problems; // a HEAD answer has no body to check
  const parsed = ProblemSchema.safeParse(res.json);
  if (!parsed.success) {
    problems.push(
      `body is not a problem: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`,
    );
    return problems;
  }
  const problem = parsed.data;
  if (!(ERROR_CODES as readonly string[]).includes(problem.code))
    problems.push(`unknown code ${problem.code}`);
  if (problem.status !== res.status) problems.push(`body status ${problem.status} but HTTP ${res.status}`);
  if (STATUS_BY_CODE[problem.code] !== res.status)
    problems.push(`code ${problem.code} is sent with ${STATUS_BY_CODE[problem.code]}, not ${res.status}`);
  if (!problem.requestId || problem.requestId !== header(res.headers, "x-request-id"))
    problems.push(
      `requestId "${problem.requestId}" differs from x-request-id "${header(res.headers, "x-request-id")}"`,
    );
  if (res.status === 429 && !header(res.headers, "retry-after")) problems.push("429 without Retry-After");
  return problems;
}

const MIN_HSTS_SECONDS = 180 * 24 * 3600;

/**
 * Helmet's protections, checked on one response: nosniff, HSTS (at least 180 days), framing refused
 * (X-Frame-Options or CSP frame-ancestors), a Referrer-Policy, a CSP, and no X-Powered-By.
 */
export function securityHeaderViolations(headers: IncomingHttpHeaders): string[] {
  const problems: string[] = [];
  if (header(headers, "x-content-type-options") !== "nosniff")
    problems.push("x-content-type-options is not nosniff");
  const hsts = /max-age=(\d+)/.exec(header(headers, "strict-transport-security") ?? "");
  if (!hsts || Number(hsts[1]) < MIN_HSTS_SECONDS)
    problems.push("strict-transport-security missing or under 180 days");
  const csp = header(headers, "content-security-policy") ?? "";
  const frameOptions = (header(headers, "x-frame-options") ?? "").toUpperCase();
  const framingRefused =
    frameOptions === "DENY" || frameOptions === "SAMEORIGIN" || /frame-ancestors\s+('none'|'self')/.test(csp);
  if (!framingRefused) problems.push("neither x-frame-options nor CSP frame-ancestors refuses framing");
  const referrer = header(headers, "referrer-policy") ?? "";
  if (!/no-referrer|same-origin|strict-origin/.test(referrer))
    problems.push(`referrer-policy is "${referrer}"`);
  if (!/default-src/.test(csp)) problems.push("content-security-policy missing");
  if (header(headers, "x-powered-by") !== undefined) problems.push("x-powered-by is sent");
  if (!header(headers, "x-request-id")) problems.push("x-request-id missing");
  return problems;
}

/** Things no response body may ever contain: password hashes, stack traces, SQL and driver errors. */
export const LEAK_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ["password hash", /\$argon2/],
  ["passwordHash field", /passwordHash|password_hash/],
  ["stack trace", /(?:^|\\n|\n)\s*at\s[^\n]{0,300}?:\d+:\d+/],
  ["node internals", /node:internal|node_modules[/\\]/],
  ["source path", /\/(?:work|srv|app|home|usr|opt)\/[^\s"']*\.(?:ts|js|mjs)\b/],
  [
    "SQL statement",
    /\b(?:SELECT|INSERT|UPDATE|DELETE)\b[^\n]{0,200}?\b(?:FROM|INTO|SET)\s+"?(?:public"?\.)?"?(?:users|sessions|tokens|items|loans|loan_events|owners|categories|photos|idempotency_keys|_prisma_migrations)"?\b/i,
  ],
  [
    "database error",
    /syntax error at or near|invalid byte sequence|invalid input syntax for|violates (?:unique|foreign key|check|exclusion|not-null) constraint|duplicate key value|relation "[^"]*" does not exist|column "[^"]*" (?:does not exist|of relation)|SQLSTATE|PrismaClient|Invalid `[^`]*` invocation|DriverAdapterError|\$queryRaw|\bP20\d\d\b/i,
  ],
];

/**
 * Leaks found in a body. `echoes` are strings the caller itself sent (its own payloads, which an
 * error may legitimately quote back, in JSON-escaped and percent-encoded forms): they are removed first.
 */
export function leakViolations(text: string, echoes: readonly string[] = []): string[] {
  let scrubbed = text;
  for (const echo of echoes) {
    if (echo.length < 4) continue;
    for (const form of [echo, JSON.stringify(echo).slice(1, -1), encodeURIComponent(echo)])
      scrubbed = scrubbed.split(form).join("");
  }
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(scrubbed)).map(([name]) => `leaks a ${name}`);
}

/**
 * What a caller could compare between two answers to tell them apart: the status, the content type
 * and the body without the ids every answer has its own of (`requestId`, `traceId`).
 */
export function comparableAnswer(res: HttpResponse) {
  const { requestId: _request, traceId: _trace, ...body } = (res.json ?? {}) as Record<string, unknown>;
  return { status: res.status, contentType: res.headers["content-type"], body };
}

import type { z } from "zod";
import { ProblemSchema, STATUS_BY_CODE, type ErrorCode } from "../contract/errors.ts";
import type { Route } from "../contract/route.ts";
import {
  SharehoodAbortError,
  SharehoodApiError,
  SharehoodNetworkError,
  SharehoodTimeoutError,
} from "./errors.ts";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from "./retry.ts";
import { injectTraceContext } from "./trace-context.ts";

// Route fields are optional properties, so their types include `undefined`; strip it before asking.
type Defined<S> = [NonNullable<S>] extends [never]
  ? never
  : NonNullable<S> extends z.ZodType
    ? NonNullable<S>
    : never;

type InputPart<Key extends string, S, Optional extends boolean> = [Defined<S>] extends [never]
  ? { [K in Key]?: never }
  : Optional extends true
    ? { [K in Key]?: z.input<Defined<S>> }
    : { [K in Key]: z.input<Defined<S>> };

/** Whether a part may be left out: its schema accepts `undefined` (an optional body). */
type AcceptsUndefined<S> = [Defined<S>] extends [never]
  ? false
  : undefined extends z.input<Defined<S>>
    ? true
    : false;

/** The input a route takes: its path params, query and body, each typed by the contract. */
export type RouteInput<R extends Route> = InputPart<"params", R["params"], false> &
  InputPart<"query", R["query"], true> &
  InputPart<"body", R["body"], AcceptsUndefined<R["body"]>>;

/** What a route answers with once parsed by the contract (`undefined` for 204). */
export type RouteOutput<R extends Route> = [Defined<R["response"]>] extends [never]
  ? undefined
  : z.output<Defined<R["response"]>>;

/** Per-request options. */
export interface RequestOptions {
  /** Overrides the client's token for this request. */
  token?: string;
  /**
   * Sent as `Idempotency-Key`: a retry with the same key replays the first answer instead of
   * writing twice. On the routes that accept one, the client makes one up when retries are on.
   */
  idempotencyKey?: string;
  /** Sent as `If-Match` for optimistic concurrency. */
  ifMatch?: string;
  /** Propagated as `x-request-id`. */
  requestId?: string;
  /** Aborts the request at once, and any retry still to come (a `SharehoodAbortError`). */
  signal?: AbortSignal;
  /** Overrides the client's timeout for each attempt, in milliseconds. */
  timeoutMs?: number;
  /** Overrides the client's number of retries (0: one attempt only). */
  retries?: number;
}

/** How a client reaches one service. */
export interface Transport {
  baseUrl: string;
  fetch: typeof fetch;
  /** Each attempt's timeout, in milliseconds. */
  timeoutMs: number;
  getToken: () => string | undefined | Promise<string | undefined>;
  headers: Record<string, string>;
  /** How failed requests are retried (`DEFAULT_RETRY_POLICY` where left out). */
  retry?: Partial<RetryPolicy>;
}

type Scalar = string | number | boolean | undefined | null;

function buildUrl(baseUrl: string, route: Route, params: unknown, query: unknown): string {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = (params as Record<string, Scalar> | undefined)?.[name];
    if (value === undefined || value === null)
      throw new TypeError(`Missing path parameter "${name}" for ${route.path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((query as Record<string, Scalar> | undefined) ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${baseUrl.replace(/\/+$/, "")}${path}${qs ? `?${qs}` : ""}`;
}

function fallbackProblem(status: number, detail: string, requestId: string): z.infer<typeof ProblemSchema> {
  const code = (Object.entries(STATUS_BY_CODE).find(([, s]) => s === status)?.[0] ?? "internal") as ErrorCode;
  return { type: "about:blank", title: "Unexpected response", status, detail, code, requestId };
}

/** The problem+json of a failed answer as an error (a stand-in problem when the body is not one). */
export async function readProblem(response: Response): Promise<SharehoodApiError> {
  const requestId = response.headers.get("x-request-id") ?? "";
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ProblemSchema.safeParse(body);
  const problem = parsed.success
    ? parsed.data
    : fallbackProblem(response.status, `HTTP ${response.status}`, requestId);
  return new SharehoodApiError(problem, retryAfter);
}

/** A request body as sent: JSON (serialised here) or form data (fetch adds its multipart boundary). */
type Payload = { json: unknown } | { form: FormData } | undefined;

/** Safe methods may always be sent again; a write only with an `Idempotency-Key`. */
const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** What one attempt came to: an answer, or no answer and why. */
type Attempt = { response: Response } | { failure: SharehoodNetworkError | SharehoodTimeoutError };

async function send<R extends Route>(
  transport: Transport,
  route: R,
  parts: { params?: unknown; query?: unknown; payload: Payload },
  options: RequestOptions,
  defaultTimeoutMs = transport.timeoutMs,
): Promise<RouteOutput<R>> {
  const { params, query, payload } = parts;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...transport.retry };
  const retries = Math.max(0, options.retries ?? policy.retries);
  const headers: Record<string, string> = { accept: "application/json", ...transport.headers };
  const token = options.token ?? (await transport.getToken());
  if (token) headers.authorization = `Bearer ${token}`;
  // A write on a route that honours Idempotency-Key gets a key of its own when it may be retried,
  // the same on every attempt, so that a retry after a lost answer replays instead of writing twice.
  const idempotencyKey =
    options.idempotencyKey ?? (route.idempotent && retries > 0 ? globalThis.crypto.randomUUID() : undefined);
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  if (options.ifMatch) headers["if-match"] = options.ifMatch;
  if (options.requestId) headers["x-request-id"] = options.requestId;
  if (payload && "json" in payload) headers["content-type"] = "application/json";
  injectTraceContext(headers);
  const maxRetries = SAFE_METHODS.has(route.method) || idempotencyKey ? retries : 0;

  const url = buildUrl(transport.baseUrl, route, params, query);
  const body =
    payload === undefined ? undefined : "json" in payload ? JSON.stringify(payload.json) : payload.form;
  const label = `${route.method} ${route.path}`;
  const aborted = () => new SharehoodAbortError(`${label} was aborted`, { cause: options.signal?.reason });

  async function attempt(): Promise<Attempt> {
    if (options.signal?.aborted) throw aborted();
    const timeout = AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      return { response: await transport.fetch(url, { method: route.method, headers, body, signal }) };
    } catch (error) {
      if (options.signal?.aborted) throw aborted();
      if (timeout.aborted)
        return { failure: new SharehoodTimeoutError(`${label} timed out`, { cause: error }) };
      const message = `${label} failed: ${(error as Error).message}`;
      return { failure: new SharehoodNetworkError(message, { cause: error }) };
    }
  }

  for (let retry = 0; ; retry += 1) {
    const outcome = await attempt();
    let wait: number | undefined;
    if ("failure" in outcome) {
      if (retry >= maxRetries) throw outcome.failure;
    } else {
      const { response } = outcome;
      if (response.ok) return parseAnswer(route, response);
      if (retry >= maxRetries || !isRetryableStatus(response.status)) throw await readProblem(response);
      wait = parseRetryAfter(response.headers.get("retry-after"), policy.now());
      // A server asking for a longer pause than the client would wait at most is answered now.
      if (wait !== undefined && wait > policy.maxDelayMs) throw await readProblem(response);
      await response.body?.cancel().catch(() => undefined);
    }
    try {
      await policy.sleep(wait ?? backoffDelay(retry, policy), options.signal);
    } catch {
      throw aborted();
    }
  }
}

async function parseAnswer<R extends Route>(route: R, response: Response): Promise<RouteOutput<R>> {
  if (!route.response || response.status === 204) return undefined as RouteOutput<R>;
  const json: unknown = await response.json();
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    const requestId = response.headers.get("x-request-id") ?? "";
    throw new SharehoodApiError(
      fallbackProblem(502, `${route.method} ${route.path} answered outside the contract`, requestId),
    );
  }
  return parsed.data as RouteOutput<R>;
}

/** Sends one request described by a contract route and parses the answer with the same contract. */
export async function callRoute<R extends Route>(
  transport: Transport,
  route: R,
  input: RouteInput<R>,
  options: RequestOptions = {},
): Promise<RouteOutput<R>> {
  const { params, query, body } = input as { params?: unknown; query?: unknown; body?: unknown };
  return send(
    transport,
    route,
    { params, query, payload: body === undefined ? undefined : { json: body } },
    options,
  );
}

/**
 * Sends a multipart/form-data request for a route whose body the contract describes as `multipart`,
 * and parses the answer like `callRoute` does. Uploads get at least a minute before timing out.
 */
export async function callRouteWithForm<R extends Route>(
  transport: Transport,
  route: R,
  input: { params?: unknown; form: FormData },
  options: RequestOptions = {},
): Promise<RouteOutput<R>> {
  const payload = { form: input.form };
  return send(
    transport,
    route,
    { params: input.params, payload },
    options,
    Math.max(transport.timeoutMs, 60_000),
  );
}

import type { ErrorCode, FieldError, Problem } from "../contract/errors.ts";

/**
 * The base of every error the SDK throws about a request, so one `instanceof SharehoodError`
 * tells them from a bug in the caller's own code.
 */
export class SharehoodError extends Error {
  override readonly name: string = "SharehoodError";
}

/**
 * Thrown when a Sharehood API answers with a problem+json error (RFC 9457). `code` is one of the
 * contract's fixed `ERROR_CODES`, so callers branch on it rather than on the wording of `detail`.
 */
export class SharehoodApiError extends SharehoodError {
  override readonly name: string = "SharehoodApiError";
  /** The HTTP status. */
  readonly status: number;
  /** The machine-readable error code. */
  readonly code: ErrorCode;
  /** The problem's short, fixed summary for its type. */
  readonly title: string;
  /** What went wrong with this request, in words for a person. */
  readonly detail: string;
  /** The request's id (`x-request-id`), to quote when asking for help. */
  readonly requestId: string;
  /** The whole problem+json body. */
  readonly problem: Problem;
  /** Seconds to wait before retrying, from `Retry-After`, when the API sent one. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail);
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Field-level errors of a `validation_failed` problem (empty otherwise). */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** Why a request got no answer: the network failed, the timeout passed, or the caller aborted. */
export type ConnectionFailure = "network" | "timeout" | "aborted";

/**
 * Thrown when a request got no answer at all. Its subclasses say why: `SharehoodNetworkError`,
 * `SharehoodTimeoutError` and `SharehoodAbortError`.
 */
export class SharehoodConnectionError extends SharehoodError {
  override readonly name: string = "SharehoodConnectionError";
  /** Why no answer came. */
  readonly kind: ConnectionFailure;
  /** Whether the request timed out (kept for callers written before `kind`). */
  readonly isTimeout: boolean;

  constructor(message: string, options: { cause?: unknown; isTimeout: boolean; kind?: ConnectionFailure }) {
    super(message, { cause: options.cause });
    this.kind = options.kind ?? (options.isTimeout ? "timeout" : "network");
    this.isTimeout = this.kind === "timeout";
  }
}

/** The API could not be reached (refused, reset, DNS): retried for safe and idempotent requests. */
export class SharehoodNetworkError extends SharehoodConnectionError {
  override readonly name: string = "SharehoodNetworkError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, isTimeout: false, kind: "network" });
  }
}

/** No answer within `timeoutMs` (each attempt has its own): retried like a network error. */
export class SharehoodTimeoutError extends SharehoodConnectionError {
  override readonly name: string = "SharehoodTimeoutError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, isTimeout: true, kind: "timeout" });
  }
}

/** The caller's `AbortSignal` fired: never retried. `cause` is the signal's reason. */
export class SharehoodAbortError extends SharehoodConnectionError {
  override readonly name: string = "SharehoodAbortError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, isTimeout: false, kind: "aborted" });
  }
}

/** The name this error had before `SharehoodApiError`; the same class. */
export const ApiError = SharehoodApiError;
/** The name this error had before `SharehoodApiError`; the same class. */
export type ApiError = SharehoodApiError;
/** The name this error had before `SharehoodConnectionError`; the same class. */
export const ApiConnectionError = SharehoodConnectionError;
/** The name this error had before `SharehoodConnectionError`; the same class. */
export type ApiConnectionError = SharehoodConnectionError;

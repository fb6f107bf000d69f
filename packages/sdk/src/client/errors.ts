import type { ErrorCode, FieldError, Problem } from "../contract/errors.ts";

/** Thrown when a Sharehood API answers with a problem+json error. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  /** The HTTP status. */
  readonly status: number;
  /** The machine-readable error code. */
  readonly code: ErrorCode;
  /** The whole problem+json body. */
  readonly problem: Problem;
  /** Seconds to wait before retrying, from `Retry-After`, when the API sent one. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Field-level errors of a `validation_failed` problem (empty otherwise). */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** Thrown when an API could not be reached or did not answer in time. No response was received. */
export class ApiConnectionError extends Error {
  override readonly name = "ApiConnectionError";
  /** Whether the request timed out (as opposed to failing to connect). */
  readonly isTimeout: boolean;

  constructor(message: string, options: { cause?: unknown; isTimeout: boolean }) {
    super(message, { cause: options.cause });
    this.isTimeout = options.isTimeout;
  }
}

import { STATUS_BY_CODE, type ErrorCode, type FieldError } from "@sharehood/sdk/contract";

const TITLES: Record<ErrorCode, string> = {
  validation_failed: "Your request is not valid",
  unauthenticated: "You need to sign in",
  forbidden: "You are not allowed to do this",
  not_found: "Not found",
  conflict: "Conflict",
  precondition_failed: "Precondition failed",
  unprocessable: "Unprocessable request",
  rate_limited: "Too many requests",
  payload_too_large: "Request body too large",
  unsupported_media_type: "Unsupported media type",
  dependency_unavailable: "A service we depend on is unavailable",
  account_suspended: "This account is suspended",
  internal: "Something went wrong on our side",
};

/** The one error type services throw. The error middleware turns it into problem+json. */
export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** Extra members of the problem body, such as `valid: false` from validate-token. */
  readonly extensions: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(detail, { cause: options.cause });
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  get title(): string {
    return TITLES[this.code];
  }
}

/** Shorthands for the errors every module throws. */
export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);
export const forbidden = (detail = "You do not have permission to do this") =>
  new AppError("forbidden", detail);
export const unauthenticated = (detail = "A valid access token is required") =>
  new AppError("unauthenticated", detail, { headers: { "www-authenticate": 'Bearer realm="sharehood"' } });
export const conflict = (detail: string) => new AppError("conflict", detail);

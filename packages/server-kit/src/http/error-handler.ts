import type { NextFunction, Request, Response } from "express";
import type { ErrorCode } from "@sharehood/sdk/contract";
import { AppError } from "../app-error.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";

// body-parser marks its errors with a `type`; these are the client's fault, not ours.
const BODY_ERRORS: Record<string, () => AppError> = {
  "entity.parse.failed": () => new AppError("validation_failed", "The body is not valid JSON"),
  "entity.too.large": () =>
    new AppError("payload_too_large", "The body is larger than this endpoint accepts"),
  "encoding.unsupported": () =>
    new AppError("unsupported_media_type", "The body's content encoding is not supported"),
  "charset.unsupported": () => new AppError("unsupported_media_type", "The body's charset is not supported"),
  "request.aborted": () => new AppError("validation_failed", "The request was aborted"),
  "request.size.invalid": () =>
    new AppError("validation_failed", "The body's length does not match Content-Length"),
  "stream.encoding.set": () => new AppError("internal", "The body could not be read"),
};

// Errors from Express and its parsers (a path that is not valid percent-encoding, a body that does
// not match its Content-Encoding, ...) carry the 4xx status they deserve; keep it rather than 500.
const CODE_BY_STATUS: Record<number, ErrorCode> = { 413: "payload_too_large", 415: "unsupported_media_type" };
const DETAIL_BY_CODE: Partial<Record<ErrorCode, string>> = {
  payload_too_large: "The request is larger than this endpoint accepts",
  unsupported_media_type: "The request's encoding or media type is not supported",
};

function clientErrorOf(error: unknown): AppError | undefined {
  const e = error as { status?: unknown; statusCode?: unknown } | null;
  const status =
    typeof e?.status === "number" ? e.status : typeof e?.statusCode === "number" ? e.statusCode : undefined;
  if (error instanceof URIError)
    return new AppError("validation_failed", "The request path is not valid percent-encoding");
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const code = CODE_BY_STATUS[status] ?? "validation_failed";
  return new AppError(
    code,
    DETAIL_BY_CODE[code] ?? "The request could not be read (malformed encoding or framing)",
  );
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type === "string" && BODY_ERRORS[type]) return BODY_ERRORS[type]();
  const clientError = clientErrorOf(error);
  if (clientError) return clientError;
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      "dependency_unavailable",
      "The database is unavailable right now. Try again shortly.",
      {
        headers: { "retry-after": "2" },
        cause: error,
      },
    );
  }
  return undefined;
}

/** Sends a problem+json body (RFC 9457) with the request id. */
export function sendProblem(req: Request, res: Response, error: AppError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res
    .status(error.status)
    .type("application/problem+json")
    .send(
      JSON.stringify({
        type: `urn:sharehood:problem:${error.code}`,
        title: error.title,
        status: error.status,
        detail: error.message,
        code: error.code,
        requestId: req.id,
        ...(req.traceId ? { traceId: req.traceId } : {}),
        ...(error.errors ? { errors: error.errors } : {}),
        ...error.extensions,
      }),
    );
}

/** The one error middleware. Anything it does not recognise is a 500 that reveals nothing. */
export function errorHandler() {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = toAppError(error);
    if (known && known.status < 500) {
      sendProblem(req, res, known);
      return;
    }
    if (known?.code === "dependency_unavailable")
      req.log.warn({ err: (error as Error).message }, known.message);
    else req.log.error({ err: error }, "request failed");
    sendProblem(
      req,
      res,
      known ??
        new AppError("internal", "An unexpected error occurred. Quote the request id if you report it."),
    );
  };
}

/** The 404 for paths no route matched. */
export function notFoundHandler() {
  return (req: Request, res: Response) => {
    sendProblem(req, res, new AppError("not_found", `No route for ${req.method} ${req.path}`));
  };
}

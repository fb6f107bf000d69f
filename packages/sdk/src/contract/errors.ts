import { z } from "zod";

/** Every `code` a Sharehood problem+json body can carry. */
export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "precondition_failed",
  "unprocessable",
  "rate_limited",
  "payload_too_large",
  "unsupported_media_type",
  "dependency_unavailable",
  "account_suspended",
  "internal",
] as const;

/** A machine-readable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each error code is sent with. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  dependency_unavailable: 503,
  // A suspended account: refused at sign-in and on every token it still holds.
  account_suspended: 403,
  internal: 500,
};

/** One field-level problem inside a `validation_failed` error. */
export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
/** One field-level problem inside a `validation_failed` error. */
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** The RFC 9457 problem+json body every Sharehood error response carries. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(ERROR_CODES),
  requestId: z.string(),
  /** The trace the request belongs to (32 hex, W3C trace id), for finding it in logs and traces. */
  traceId: z.string().max(32).optional(),
  errors: z.array(FieldErrorSchema).optional(),
  /**
   * A finer reason for some refusals, under their general code: `blocked` on a 403 when the person
   * addressed has blocked the caller (see `BLOCKED_REASON`); on a 409 about a review, which rule
   * refused it (see `REVIEW_REFUSALS`).
   */
  reason: z.string().max(64).optional(),
});
/** The RFC 9457 problem+json body every Sharehood error response carries. */
export type Problem = z.infer<typeof ProblemSchema>;

import { NextResponse } from "next/server";
import { failureFrom } from "@/server/action-result";
import { ApiError } from "@sharehood/sdk";

/** A route handler's answer for a failed SDK call: the status and a readable message. */
export function problemResponse(error: unknown): NextResponse {
  const result = failureFrom(error);
  const status = error instanceof ApiError ? error.status : 503;
  // 429 and 503 say when to come back; the browser's upload code may wait that long.
  const retryAfter = error instanceof ApiError ? error.retryAfter : undefined;
  const headers = retryAfter ? { "retry-after": String(retryAfter) } : undefined;
  return NextResponse.json({ message: result.message, code: result.code }, { status, headers });
}

/**
 * 413 as application/problem+json, like the APIs answer it, with `message` too (what the
 * browser's upload code shows). `Connection: close`: the rest of the body is not worth reading.
 */
export function payloadTooLarge(detail: string): NextResponse {
  return NextResponse.json(
    {
      type: "urn:sharehood:problem:payload_too_large",
      title: "Payload Too Large",
      status: 413,
      detail,
      code: "payload_too_large",
      message: detail,
    },
    { status: 413, headers: { "content-type": "application/problem+json", connection: "close" } },
  );
}

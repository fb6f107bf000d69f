import { NextResponse } from "next/server";
import { failureFrom } from "@/server/action-result";
import { ApiError } from "@sharehood/sdk";

/** A route handler's answer for a failed SDK call: the status and a readable message. */
export function problemResponse(error: unknown): NextResponse {
  const result = failureFrom(error);
  const status = error instanceof ApiError ? error.status : 503;
  return NextResponse.json({ message: result.message, code: result.code }, { status });
}

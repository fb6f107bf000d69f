import "server-only";
import { NextResponse } from "next/server";
import { getUserClient } from "@/server/session";

type UserClient = NonNullable<Awaited<ReturnType<typeof getUserClient>>>;

/** The answer of a route handler for signed-in people when the session is gone. */
export function sessionEnded(): NextResponse {
  return NextResponse.json(
    { message: "Your session has ended. Please sign in again.", code: "unauthenticated" },
    { status: 401 },
  );
}

/** The signed-in person's SDK client for a route handler, or the 401 to answer instead. */
export async function routeSession(): Promise<UserClient | NextResponse> {
  return (await getUserClient()) ?? sessionEnded();
}

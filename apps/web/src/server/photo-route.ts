import "server-only";
import { NextResponse } from "next/server";
import { getUserClient } from "@/server/session";

type UserClient = NonNullable<Awaited<ReturnType<typeof getUserClient>>>;

/**
 * What the photo route handlers share: a signed-in session and the item's `If-Match` from the
 * browser. Requiring `If-Match` (not a CORS-safelisted header) also means another site cannot post
 * to these handlers without a preflight, which they never answer: no cross-site uploads.
 */
export async function photoRequest(
  request: Request,
): Promise<{ session: UserClient; ifMatch: string } | NextResponse> {
  const ifMatch = request.headers.get("if-match");
  if (!ifMatch || !/^"\d+"$/.test(ifMatch)) {
    return NextResponse.json({ message: "The item's version is missing." }, { status: 428 });
  }
  const session = await getUserClient();
  if (!session) {
    return NextResponse.json(
      { message: "Your session has ended. Please sign in again.", code: "unauthenticated" },
      { status: 401 },
    );
  }
  return { session, ifMatch };
}

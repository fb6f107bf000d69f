import { NextResponse, type NextRequest } from "next/server";
import { UnsubscribeQuerySchema } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";
import { problemResponse } from "@/server/problem-response";

/**
 * One-click unsubscribe (RFC 8058) on this site's origin, for an email's `List-Unsubscribe` header:
 * the mail client POSTs `List-Unsubscribe=One-Click` here, and the signed token in the URL says
 * who and which kind. No cookie, so no cross-site risk: the token is the only proof.
 */
export async function POST(request: NextRequest) {
  const query = UnsubscribeQuerySchema.safeParse({ token: request.nextUrl.searchParams.get("token") });
  if (!query.success) return NextResponse.json({ message: "The link is not complete." }, { status: 400 });
  try {
    return NextResponse.json(await apiClient().notifications.unsubscribe({ query: query.data }));
  } catch (error) {
    return problemResponse(error);
  }
}

import { NextResponse, type NextRequest } from "next/server";
import { INBOX_PAGE_SIZE } from "@/features/conversations/queries";
import { getConversationClient, withSiteThumbnail } from "@/server/conversations";
import { problemResponse } from "@/server/problem-response";

/** A page of the signed-in person's threads, newest activity first, for the inbox's "more". */
export async function GET(request: NextRequest) {
  const session = await getConversationClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  const cursor = request.nextUrl.searchParams.get("cursor") ?? undefined;
  try {
    const page = await session.conversations.list({ query: { cursor, limit: INBOX_PAGE_SIZE } });
    return NextResponse.json(
      { ...page, items: page.items.map(withSiteThumbnail) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return problemResponse(error);
  }
}

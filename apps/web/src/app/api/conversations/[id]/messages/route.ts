import { NextResponse, type NextRequest } from "next/server";
import { MESSAGES_PAGE_SIZE } from "@/features/conversations/queries";
import { getConversationClient } from "@/server/conversations";
import { problemResponse } from "@/server/problem-response";

/** A page of a thread's messages, newest first, for "show older messages" (participants only). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const session = await getConversationClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  const cursor = request.nextUrl.searchParams.get("cursor") ?? undefined;
  try {
    const page = await session.conversations.messages({
      params: { id: (await params).id },
      query: { cursor, limit: MESSAGES_PAGE_SIZE },
    });
    return NextResponse.json(page, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return problemResponse(error);
  }
}

import { NextResponse } from "next/server";
import { getConversationClient } from "@/server/conversations";
import { problemResponse } from "@/server/problem-response";

/** How many messages written to the signed-in person are unread, for the header. */
export async function GET() {
  const session = await getConversationClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  try {
    return NextResponse.json(await session.conversations.unreadCount({}), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return problemResponse(error);
  }
}

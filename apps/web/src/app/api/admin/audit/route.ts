import { NextResponse, type NextRequest } from "next/server";
import { ListAuditLogQuerySchema } from "@sharehood/sdk";
import { getUserClient } from "@/server/session";
import { problemResponse } from "@/server/problem-response";

/** The audit log's next pages for the admin page (the Notification API checks `audit.read`). */
export async function GET(request: NextRequest) {
  const session = await getUserClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  const parsed = ListAuditLogQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ message: "Those filters are not valid." }, { status: 400 });
  try {
    return NextResponse.json(await session.client.audit.list({ query: parsed.data }));
  } catch (error) {
    return problemResponse(error);
  }
}

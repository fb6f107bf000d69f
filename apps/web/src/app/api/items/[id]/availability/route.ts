import { NextResponse, type NextRequest } from "next/server";
import { AvailabilityQuerySchema } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";
import { problemResponse } from "@/server/problem-response";

type Context = { params: Promise<{ id: string }> };

/** The days an item is taken (`?from=&to=`), for the item page's calendar; public, never by whom. */
export async function GET(request: NextRequest, { params }: Context) {
  const { id } = await params;
  const query = AvailabilityQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return NextResponse.json({ message: "Those dates are not a window." }, { status: 400 });
  try {
    return NextResponse.json(await apiClient().items.availability({ params: { id }, query: query.data }));
  } catch (error) {
    return problemResponse(error);
  }
}

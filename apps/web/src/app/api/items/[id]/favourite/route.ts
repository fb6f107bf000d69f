import { NextResponse } from "next/server";
import { problemResponse } from "@/server/problem-response";
import { routeSession } from "@/server/signed-in-route";

type Context = { params: Promise<{ id: string }> };

// PUT and DELETE, not POST: another site cannot send either without a CORS preflight, which these
// handlers never answer, so nobody can save or forget items for a visitor from elsewhere.

/** Saves an item to my list (the heart on cards and item pages). */
export async function PUT(_request: Request, { params }: Context) {
  return change("save", (await params).id);
}

/** Forgets a saved item. */
export async function DELETE(_request: Request, { params }: Context) {
  return change("remove", (await params).id);
}

async function change(action: "save" | "remove", id: string) {
  const session = await routeSession();
  if (session instanceof NextResponse) return session;
  try {
    await session.client.favourites[action]({ params: { id } });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return problemResponse(error);
  }
}

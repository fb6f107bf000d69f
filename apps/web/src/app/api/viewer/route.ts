import { NextResponse } from "next/server";
import { getViewer } from "@/server/session";

/**
 * Who is signed in, for the pages every visitor shares (features/layout/viewer.tsx): the viewer,
 * or null. Read from the session the proxy has just checked (and refreshed when it was due), so
 * it costs no API call. Never kept by any cache.
 */
export async function GET() {
  return NextResponse.json(await getViewer(), {
    headers: { "cache-control": "private, no-store", vary: "Cookie" },
  });
}

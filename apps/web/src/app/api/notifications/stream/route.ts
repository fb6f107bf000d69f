import type { NextRequest } from "next/server";
import { getEnv } from "@/env";
import { relayEventStream } from "@/server/relay-event-stream";
import { getAccessToken } from "@/server/session";

// Per person and live: never prerendered, never cached.
export const dynamic = "force-dynamic";

/**
 * The signed-in person's notification stream (Server-Sent Events), relayed from the Notification
 * API with their access token, which stays on this server. The bell's EventSource reads it on
 * this origin (CSP `connect-src 'self'`). It ends the upstream request when the browser leaves.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const token = await getAccessToken();
  if (!token) {
    return Response.json(
      { message: "Please sign in." },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  const env = getEnv();
  return relayEventStream({
    url: new URL("/notifications/stream", env.NOTIFICATION_API_URL).toString(),
    token,
    signal: request.signal,
    connectTimeoutMs: env.API_TIMEOUT_MS,
    lastEventId: request.headers.get("last-event-id"),
  });
}

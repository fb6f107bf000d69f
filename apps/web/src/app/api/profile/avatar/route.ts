import { NextResponse } from "next/server";
import { AVATAR_FIELD, MAX_AVATAR_BYTES } from "@sharehood/sdk";
import { updateSession } from "@/auth";
import { payloadTooLarge, problemResponse } from "@/server/problem-response";
import { BodyTooLargeError, readBodyWithin } from "@/server/read-body-within";
import { routeSession } from "@/server/signed-in-route";
import { siteAvatarPath } from "@/server/site-avatars";

// The largest body worth reading: one avatar at the largest size plus the multipart framing. The
// User API checks the file again (type by content, size, pixels) and re-encodes it.
const MAX_BODY_BYTES = MAX_AVATAR_BYTES + 64 * 1024;
const TOO_LARGE = "The photo can be at most 5 MB.";

// PUT and DELETE, not POST: another site cannot send either without a CORS preflight, which these
// handlers never answer, so nobody can change a visitor's avatar from elsewhere. The browser
// never holds an API token: the file goes through here with the session's.

/**
 * Sets my avatar: the settings page sends one `photo` file; this forwards it through the SDK and
 * answers `{ avatarUrl }` (a path on this site). The session learns it too, for the header.
 */
export async function PUT(request: Request) {
  const session = await routeSession();
  if (session instanceof NextResponse) return session;
  // An honest Content-Length that is too large is refused before reading; the count catches the rest.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return payloadTooLarge(TOO_LARGE);
  let body: Blob;
  try {
    body = await readBodyWithin(request.body, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return payloadTooLarge(TOO_LARGE);
    throw error;
  }
  const form = await new Response(body, {
    headers: { "content-type": request.headers.get("content-type") ?? "" },
  })
    .formData()
    .catch(() => null);
  const file = form?.get(AVATAR_FIELD);
  if (!(file instanceof File)) {
    return NextResponse.json(
      { message: "Choose a photo first.", code: "validation_failed" },
      { status: 400 },
    );
  }
  try {
    const user = await session.client.users.uploadAvatar({ file });
    const avatarUrl = siteAvatarPath(user.avatarUrl);
    await updateSession({ user: { avatarUrl } });
    return NextResponse.json({ avatarUrl });
  } catch (error) {
    return problemResponse(error);
  }
}

/** Removes my avatar; the initials show again. */
export async function DELETE() {
  const session = await routeSession();
  if (session instanceof NextResponse) return session;
  try {
    await session.client.users.deleteAvatar({});
    await updateSession({ user: { avatarUrl: null } });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return problemResponse(error);
  }
}

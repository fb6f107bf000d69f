import { NextResponse } from "next/server";
import { MAX_PHOTO_BYTES, PHOTO_FIELD } from "@sharehood/sdk";
import { photoRequest } from "@/server/photo-route";
import { payloadTooLarge, problemResponse } from "@/server/problem-response";
import { BodyTooLargeError, readBodyWithin } from "@/server/read-body-within";
import { withSitePhotos } from "@/server/site-photos";

type Context = { params: Promise<{ id: string }> };

// The largest body worth reading: one photo at the largest size plus the multipart framing. The
// browser sends one photo per request (Next's proxy buffers at most 10 MB of a body anyway). The
// Inventory API checks each file again (type by content, size, count).
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;
const TOO_LARGE = "Each photo can be at most 8 MB.";

/**
 * Adds photos to an item: the browser posts `photo` files here (with upload progress), and this
 * forwards them with the session's token through the SDK. Answers the item with its photos.
 */
export async function POST(request: Request, { params }: Context) {
  const checked = await photoRequest(request);
  if (checked instanceof NextResponse) return checked;
  // An honest Content-Length that is too large is refused before reading anything; the count
  // while reading catches the rest (no Content-Length, as with a chunked body, or a false one).
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return payloadTooLarge(TOO_LARGE);
  let body: Blob;
  try {
    body = await readBodyWithin(request.body, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return payloadTooLarge(TOO_LARGE);
    throw error;
  }
  const contentType = request.headers.get("content-type") ?? "";
  const form = await new Response(body, { headers: { "content-type": contentType } })
    .formData()
    .catch(() => null);
  const files = (form?.getAll(PHOTO_FIELD) ?? []).filter((part): part is File => part instanceof File);
  if (files.length === 0) {
    return NextResponse.json(
      { message: "Choose at least one photo.", code: "validation_failed" },
      { status: 400 },
    );
  }
  try {
    const item = await checked.session.client.items.uploadPhotos(
      { params: { id: (await params).id }, files },
      { ifMatch: checked.ifMatch },
    );
    return NextResponse.json(withSitePhotos(item), { status: 201 });
  } catch (error) {
    return problemResponse(error);
  }
}

import { NextResponse } from "next/server";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_ITEM, PHOTO_FIELD } from "@sharehood/sdk";
import { photoRequest } from "@/server/photo-route";
import { problemResponse } from "@/server/problem-response";

type Context = { params: Promise<{ id: string }> };

// The largest body worth reading: every photo an item can hold at the largest size, plus the
// multipart framing. The Inventory API checks each file again (type by content, size, count).
const MAX_BODY_BYTES = MAX_PHOTOS_PER_ITEM * MAX_PHOTO_BYTES + 64 * 1024;

/**
 * Adds photos to an item: the browser posts `photo` files here (with upload progress), and this
 * forwards them with the session's token through the SDK. Answers the item with its photos.
 */
export async function POST(request: Request, { params }: Context) {
  const checked = await photoRequest(request);
  if (checked instanceof NextResponse) return checked;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return NextResponse.json(
      { message: "Each photo can be at most 8 MB.", code: "payload_too_large" },
      { status: 413 },
    );
  }
  const form = await request.formData().catch(() => null);
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
    return NextResponse.json(item, { status: 201 });
  } catch (error) {
    return problemResponse(error);
  }
}

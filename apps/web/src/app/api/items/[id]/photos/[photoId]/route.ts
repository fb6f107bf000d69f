import { NextResponse } from "next/server";
import { photoRequest } from "@/server/photo-route";
import { problemResponse } from "@/server/problem-response";
import { withSitePhotos } from "@/server/site-photos";

type Context = { params: Promise<{ id: string; photoId: string }> };

/** Removes one photo, then answers the item as it now is (with its new version). */
export async function DELETE(request: Request, { params }: Context) {
  const checked = await photoRequest(request);
  if (checked instanceof NextResponse) return checked;
  const { id, photoId } = await params;
  try {
    await checked.session.client.items.deletePhoto({ params: { id, photoId } }, { ifMatch: checked.ifMatch });
    return NextResponse.json(withSitePhotos(await checked.session.client.items.get({ params: { id } })));
  } catch (error) {
    return problemResponse(error);
  }
}

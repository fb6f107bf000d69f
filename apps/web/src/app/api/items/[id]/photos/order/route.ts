import { NextResponse } from "next/server";
import { ReorderPhotosBodySchema } from "@sharehood/sdk";
import { photoRequest } from "@/server/photo-route";
import { problemResponse } from "@/server/problem-response";
import { withSitePhotos } from "@/server/site-photos";

type Context = { params: Promise<{ id: string }> };

/** Puts the item's photos in a new order (`{ photoIds }`); answers the item. */
export async function PUT(request: Request, { params }: Context) {
  const checked = await photoRequest(request);
  if (checked instanceof NextResponse) return checked;
  const parsed = ReorderPhotosBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return NextResponse.json(
      { message: "The new order is not valid.", code: "validation_failed" },
      { status: 400 },
    );
  }
  try {
    const item = await checked.session.client.items.reorderPhotos(
      { params: { id: (await params).id }, body: parsed.data },
      { ifMatch: checked.ifMatch },
    );
    return NextResponse.json(withSitePhotos(item));
  } catch (error) {
    return problemResponse(error);
  }
}

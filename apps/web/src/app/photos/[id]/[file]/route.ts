import { getEnv } from "@/env";
import { relayImage } from "@/server/relay-image";
import { isPhotoFile } from "@/server/site-photos";

type Context = { params: Promise<{ id: string; file: string }> };

/**
 * An item photo's file, through this site's origin: pages link `/photos/<id>/<file>` (see
 * site-photos.ts), so photos load at whatever address the site is opened at. Streams the Inventory
 * API's answer, `If-None-Match` and 304 included.
 */
export async function GET(request: Request, { params }: Context) {
  const { id, file } = await params;
  // Only photo ids and the two file names reach the API: nothing else can be asked of it here.
  if (!isPhotoFile(id, file)) return new Response("Not found", { status: 404 });
  return relayImage(request, `${getEnv().INVENTORY_API_URL}/photos/${id}/${file}`, "photo");
}

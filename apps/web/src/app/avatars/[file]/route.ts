import { getEnv } from "@/env";
import { relayImage } from "@/server/relay-image";
import { isAvatarFile } from "@/server/site-avatars";

type Context = { params: Promise<{ file: string }> };

/**
 * A person's avatar photo, through this site's origin: pages link `/avatars/<id>.webp` (see
 * site-avatars.ts). Streams the User API's answer, `If-None-Match` and 304 included.
 */
export async function GET(request: Request, { params }: Context) {
  const { file } = await params;
  // Only well-formed avatar file names reach the API: nothing else can be asked of it here.
  if (!isAvatarFile(file)) return new Response("Not found", { status: 404 });
  return relayImage(request, `${getEnv().USER_API_URL}/avatars/${file}`, "photo");
}

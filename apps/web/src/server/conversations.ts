import "server-only";
import type { Conversation } from "@sharehood/sdk";
import { getUserClient } from "@/server/session";
import { sitePhotoPath } from "@/server/site-photos";

/**
 * The SDK's conversation and block endpoints acting as the signed-in person, with the viewer; null
 * when nobody is signed in. Server-only.
 */
export async function getConversationClient() {
  const session = await getUserClient();
  if (!session) return null;
  const { conversations, blocks } = session.client;
  return { conversations, blocks, viewer: session.viewer };
}

/** A thread with its item's thumbnail on this site's origin (see site-photos.ts). */
export function withSiteThumbnail(conversation: Conversation): Conversation {
  const { thumbnailUrl } = conversation.item;
  return thumbnailUrl
    ? { ...conversation, item: { ...conversation.item, thumbnailUrl: sitePhotoPath(thumbnailUrl) } }
    : conversation;
}

import "server-only";
import {
  callRoute,
  inventoryRoutes,
  type Conversation,
  type RouteInput,
  type Transport,
} from "@sharehood/sdk";
import { getEnv } from "@/env";
import { getAccessToken, getViewer } from "@/server/session";
import { sitePhotoPath } from "@/server/site-photos";

type Routes = typeof inventoryRoutes;

/**
 * The Inventory API's conversation and block endpoints, called through the contract's route table
 * as the SDK's client does (every answer parsed, every refusal an ApiError). The SDK's
 * `createClient` has no group for them yet; when it gains one, this file becomes a re-export.
 */
function conversationApi(token: string) {
  const env = getEnv();
  const transport: Transport = {
    baseUrl: env.INVENTORY_API_URL,
    fetch: globalThis.fetch.bind(globalThis),
    timeoutMs: env.API_TIMEOUT_MS,
    getToken: () => token,
    headers: {},
  };
  const call =
    <K extends keyof Routes>(name: K) =>
    (input: RouteInput<Routes[K]>) =>
      callRoute(transport, inventoryRoutes[name], input);
  return {
    list: call("listConversations"),
    unreadCount: call("conversationUnreadCount"),
    ask: call("askAboutItem"),
    get: call("getConversation"),
    messages: call("listMessages"),
    send: call("sendMessage"),
    markRead: call("markConversationRead"),
    block: call("blockUser"),
    unblock: call("unblockUser"),
    blocks: call("listBlocks"),
  };
}

/** The conversation endpoints acting as the signed-in person, or null when nobody is. Server-only. */
export async function getConversationClient() {
  const [token, viewer] = await Promise.all([getAccessToken(), getViewer()]);
  return token && viewer ? { api: conversationApi(token), viewer } : null;
}

/** A thread with its item's thumbnail on this site's origin (see site-photos.ts). */
export function withSiteThumbnail(conversation: Conversation): Conversation {
  const { thumbnailUrl } = conversation.item;
  return thumbnailUrl
    ? { ...conversation, item: { ...conversation.item, thumbnailUrl: sitePhotoPath(thumbnailUrl) } }
    : conversation;
}

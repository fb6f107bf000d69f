import { callRoute, inventoryRoutes, type RouteInput, type Transport } from "@sharehood/sdk";

type Routes = typeof inventoryRoutes;

/**
 * The conversation and block endpoints, called through the contract as the SDK does (each answer
 * parsed with the contract's schema, each refusal an ApiError), acting as whoever holds `token`.
 */
export function conversationClient(inventoryUrl: string, token: string) {
  const transport: Transport = {
    baseUrl: inventoryUrl,
    fetch: globalThis.fetch.bind(globalThis),
    timeoutMs: 30_000,
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

export type ConversationClient = ReturnType<typeof conversationClient>;

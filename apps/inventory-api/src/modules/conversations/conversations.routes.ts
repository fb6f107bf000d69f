import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { BlocksService } from "./blocks.service.ts";
import type { ConversationsService } from "./conversations.service.ts";

export function conversationsRouter(
  mount: Mount,
  conversations: ConversationsService,
  blocks: BlocksService,
): Router {
  const router = Router();
  mount(router, inventoryRoutes.listConversations, ({ caller, query }) => conversations.list(caller, query));
  // Before /conversations/:id, which would take "unread-count" for an id.
  mount(router, inventoryRoutes.conversationUnreadCount, ({ caller }) => conversations.unreadCount(caller));
  mount(router, inventoryRoutes.askAboutItem, ({ caller, params, body }) =>
    conversations.ask(caller, params.id, body.body),
  );
  mount(router, inventoryRoutes.getConversation, ({ caller, params }) =>
    conversations.get(caller, params.id),
  );
  mount(router, inventoryRoutes.listMessages, ({ caller, params, query }) =>
    conversations.messages(caller, params.id, query),
  );
  mount(router, inventoryRoutes.sendMessage, ({ caller, params, body }) =>
    conversations.send(caller, params.id, body.body),
  );
  mount(router, inventoryRoutes.markConversationRead, ({ caller, params }) =>
    conversations.markRead(caller, params.id),
  );
  mount(router, inventoryRoutes.blockUser, ({ caller, params }) => blocks.block(caller, params.userId));
  mount(router, inventoryRoutes.unblockUser, ({ caller, params }) => blocks.unblock(caller, params.userId));
  mount(router, inventoryRoutes.listBlocks, ({ caller, query }) => blocks.list(caller, query));
  return router;
}

import { z } from "zod";
import type { Conversation, Message, Page } from "@sharehood/sdk";
import { conflict, decodeCursor, encodeCursor, forbidden, notFound } from "@sharehood/server-kit";
import type { Caller } from "../auth/caller.ts";
import type { PhotoUrls } from "../items/item-dto.ts";
import { isHidden } from "../items/item-visibility.ts";
import type { ItemsRepository } from "../items/items.repository.ts";
import { blocked, refuseIfBlocked } from "./blocked.ts";
import type { BlocksRepository } from "./blocks.repository.ts";
import { isSeen, toConversationDto, toMessageDto } from "./conversation-dto.ts";
import type { ConversationRow } from "./conversation-row.ts";
import type { ConversationsRepository } from "./conversations.repository.ts";
import type { MessageLimits } from "./message-limits.ts";

const ThreadCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);
// Seqs are PostgreSQL integers: a forged cursor past their range is refused (400), not sent to SQL.
const MessageCursorSchema = z.tuple([z.number().int().min(1).max(2_147_483_647)]);

// One answer for a thread that does not exist and one the caller is not in: nobody outside a thread
// can tell whether it exists.
const NO_THREAD = "The conversation";

export function createConversationsService(deps: {
  conversations: ConversationsRepository;
  blocks: BlocksRepository;
  items: ItemsRepository;
  limits: MessageLimits;
  photoUrls: PhotoUrls;
}) {
  const { conversations, blocks, items, limits, photoUrls } = deps;

  async function mustFind(id: string, userId: string): Promise<ConversationRow> {
    const row = await conversations.findForParticipant(id, userId);
    if (!row) throw notFound(NO_THREAD);
    return row;
  }

  const dto = (row: ConversationRow, userId: string) => toConversationDto(row, userId, photoUrls);

  return {
    async list(caller: Caller, query: { cursor?: string; limit: number }): Promise<Page<Conversation>> {
      const userId = caller.user.id;
      const rows = await conversations.list(userId, {
        after: query.cursor ? decodeCursor(query.cursor, ThreadCursorSchema) : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => dto(row, userId)),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor([last.lastActivityAt.toISOString(), last.id])
            : null,
      };
    },

    unreadCount: async (caller: Caller) => ({ count: await conversations.unreadCount(caller.user.id) }),

    async get(caller: Caller, id: string): Promise<Conversation> {
      return dto(await mustFind(id, caller.user.id), caller.user.id);
    },

    /**
     * Asks an item's owner a question: in the asker's thread about the item, opened on the first
     * question (counted against the new-threads limit) and continued after.
     */
    async ask(caller: Caller, itemId: string, body: string): Promise<Conversation> {
      const userId = caller.user.id;
      const item = await items.findById(itemId);
      // A hidden item takes no questions: it answers as if it did not exist.
      if (!item || isHidden(item)) throw notFound("The item");
      if (item.ownerId === userId) throw forbidden("You cannot ask about your own item");
      await refuseIfBlocked(
        blocks,
        { blockerId: item.ownerId, userId },
        "The owner of this item does not accept messages from you",
      );
      const existing = await conversations.findQuestion(itemId, userId);
      if (existing) await limits.message(userId);
      else await limits.messageInNewThread(userId);
      const { conversationId, opened } = await conversations.ask({
        itemId,
        ownerId: item.ownerId,
        askerId: userId,
        body,
      });
      // Two first questions at once: the second found the first's thread.
      if (!existing && !opened) await limits.releaseNewThread(userId);
      return dto(await mustFind(conversationId, userId), userId);
    },

    async messages(
      caller: Caller,
      id: string,
      query: { cursor?: string; limit: number },
    ): Promise<Page<Message>> {
      const thread = await mustFind(id, caller.user.id);
      const rows = await conversations.messages(id, {
        beforeSeq: query.cursor ? decodeCursor(query.cursor, MessageCursorSchema)[0] : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => toMessageDto(row, isSeen(thread, row))),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null,
      };
    },

    // The hot path: one lookup (participant, other account gone, blocked), the limit, the write.
    async send(caller: Caller, id: string, body: string): Promise<Message> {
      const userId = caller.user.id;
      const view = await conversations.writerView(id, userId);
      if (!view) throw notFound(NO_THREAD);
      if (view.otherGone)
        throw conflict("This member has left Sharehood: the conversation can be read, not continued");
      if (view.blocked) throw blocked("This person does not accept messages from you");
      await limits.message(userId);
      const message = await conversations.post({ conversationId: id, authorId: userId, body });
      if (!message) throw notFound(NO_THREAD);
      // Nobody has read a message that was just written.
      return toMessageDto(message, false);
    },

    async markRead(caller: Caller, id: string): Promise<void> {
      if (!(await conversations.markRead(id, caller.user.id))) throw notFound(NO_THREAD);
    },
  };
}

export type ConversationsService = ReturnType<typeof createConversationsService>;

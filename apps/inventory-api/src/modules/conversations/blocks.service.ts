import { z } from "zod";
import type { Block, Page } from "@sharehood/sdk";
import { AppError, decodeCursor, encodeCursor } from "@sharehood/server-kit";
import type { Caller } from "../auth/caller.ts";
import type { BlocksRepository } from "./blocks.repository.ts";
import { toBlockDto } from "./conversation-dto.ts";

const BlockCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);

/**
 * Blocking. Any id can be blocked, known here or not: answering differently for an unknown person
 * would tell who has an account.
 */
export function createBlocksService(deps: { blocks: BlocksRepository }) {
  const { blocks } = deps;
  return {
    async block(caller: Caller, userId: string): Promise<void> {
      if (userId === caller.user.id)
        throw new AppError("validation_failed", "You cannot block yourself", {
          errors: [{ path: "params.userId", message: "must not be you" }],
        });
      await blocks.add(caller.user.id, userId);
    },

    unblock: (caller: Caller, userId: string): Promise<void> => blocks.remove(caller.user.id, userId),

    async list(caller: Caller, query: { cursor?: string; limit: number }): Promise<Page<Block>> {
      const rows = await blocks.list(caller.user.id, {
        after: query.cursor ? decodeCursor(query.cursor, BlockCursorSchema) : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toBlockDto),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor([last.createdAt.toISOString(), last.blockedId])
            : null,
      };
    },
  };
}

export type BlocksService = ReturnType<typeof createBlocksService>;

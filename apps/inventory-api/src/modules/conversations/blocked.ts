import { BLOCKED_REASON } from "@sharehood/sdk";
import { AppError } from "@sharehood/server-kit";
import type { BlocksRepository } from "./blocks.repository.ts";

/** The refusal (403, `reason: "blocked"`) of what someone tries towards a person who blocked them. */
export const blocked = (detail: string) =>
  new AppError("forbidden", detail, { extensions: { reason: BLOCKED_REASON } });

/**
 * Refuses what `userId` tries to do towards someone who blocked them: writing to them, or asking
 * to borrow their items. Checked before anything is stored.
 */
export async function refuseIfBlocked(
  blocks: BlocksRepository,
  by: { blockerId: string; userId: string },
  detail: string,
): Promise<void> {
  if (await blocks.has(by.blockerId, by.userId)) throw blocked(detail);
}

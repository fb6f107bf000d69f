import { can, type Caller } from "../auth/caller.ts";
import type { ItemRow } from "./item-row.ts";

/**
 * Who sees what of hidden items. An item moderators hid, or whose owner is suspended, is shown to
 * its owner and to admins (`item.update.any`) only: anyone else gets 404, and it is gone from every
 * list, search and cached page. Borrowing, asking about and saving it are refused (404) too.
 */

/** Whether the item is hidden from the public (by moderators, or with its suspended owner). */
export const isHidden = (row: Pick<ItemRow, "hiddenAt" | "ownerSuspended">): boolean =>
  row.hiddenAt !== null || row.ownerSuspended;

/** Whether this caller sees the hidden items of `ownerId`: they are the owner, or an admin. */
export const seesHiddenOf = (caller: Caller, ownerId: string): boolean =>
  caller.user.id === ownerId || can(caller, "item.update.any");

/** Whether the item is visible to this caller (anyone, when there is no caller). */
export const isVisibleTo = (row: Pick<ItemRow, "hiddenAt" | "ownerSuspended" | "ownerId">, caller?: Caller) =>
  !isHidden(row) || (caller !== undefined && seesHiddenOf(caller, row.ownerId));

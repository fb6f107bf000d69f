"use server";
import { formText } from "@/features/layout/form-text";
import { redirect } from "next/navigation";
import {
  CreateItemBodySchema,
  CreateLoanBodySchema,
  itemETag,
  type Item,
  type LoanDetail,
} from "@sharehood/sdk";
import { borrowingFailure } from "@/features/items/borrowing-failure";
import { idempotencyKeyFor } from "@/features/items/idempotency-key";
import { readRulesAndPosition } from "@/features/items/item-rules-form";
import { adminReasonBody } from "@/features/moderation/admin-reason";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

type FormState<T = undefined> = ActionResult<T> | null;

const signedOut = () => failure("Your session has ended. Please sign in again.", {}, "unauthenticated");

function readItemForm(form: FormData) {
  const text = (key: string) => formText(form, key).trim();
  return {
    title: text("title"),
    description: text("description"),
    categoryId: text("categoryId"),
    condition: text("condition"),
    location: text("location") || null,
    // The owner's rules and the rough position (rounded to about 250 m by the Inventory API).
    ...readRulesAndPosition(form),
  };
}

/** What the create form needs to add photos to the item it just created. */
export type CreatedItem = { id: string; version: number };

/**
 * Lists a new item; the form's nonce makes retries safe (Idempotency-Key). With `withPhotos`, the
 * browser still has photos to upload, so this answers the new item instead of leaving the page.
 */
export async function createItemAction(_state: unknown, form: FormData): Promise<FormState<CreatedItem>> {
  const session = await getUserClient();
  if (!session) return signedOut();
  const parsed = CreateItemBodySchema.safeParse(readItemForm(form));
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  let item: Item;
  try {
    item = await session.client.items.create(
      { body: parsed.data },
      { idempotencyKey: idempotencyKeyFor(formText(form, "nonce"), parsed.data) },
    );
  } catch (error) {
    return failureFrom(error);
  }
  if (formText(form, "withPhotos") === "1") return success({ id: item.id, version: item.version });
  redirect(`/items/${item.id}?listed=1`);
}

/**
 * Saves an edit (PATCH, every field of the form, rules and position included) with If-Match, so a
 * stale form cannot overwrite someone else's change.
 */
export async function updateItemAction(itemId: string, _state: unknown, form: FormData): Promise<FormState> {
  const session = await getUserClient();
  if (!session) return signedOut();
  const parsed = CreateItemBodySchema.safeParse(readItemForm(form));
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  const version = Number(form.get("version"));
  try {
    await session.client.items.update(
      { params: { id: itemId }, body: parsed.data },
      { ifMatch: itemETag({ version }) },
    );
  } catch (error) {
    return failureFrom(error);
  }
  redirect(`/items/${itemId}?saved=1`);
}

/**
 * Removes an item (the owner's own, or any with item.delete.any). An admin removing someone
 * else's item may say why, for the audit log.
 */
export async function deleteItemAction(itemId: string, reason?: string): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return signedOut();
  try {
    await session.client.items.delete({ params: { id: itemId }, body: adminReasonBody(reason) });
  } catch (error) {
    const result = failureFrom(error);
    if (result.code === "conflict") {
      return failure(
        "This item is lent out or has an approved loan, so it cannot be removed yet.",
        {},
        "conflict",
      );
    }
    return result;
  }
  return success(undefined);
}

/** Asks to borrow an item for some dates, with an optional message to the owner. */
export async function requestLoanAction(
  itemId: string,
  _state: FormState<LoanDetail>,
  form: FormData,
): Promise<FormState<LoanDetail>> {
  const session = await getUserClient();
  if (!session) return signedOut();
  const input = {
    startDate: formText(form, "startDate"),
    endDate: formText(form, "endDate"),
    message: formText(form, "message").trim() || undefined,
  };
  const parsed = CreateLoanBodySchema.safeParse(input);
  if (!parsed.success) return failure("Please check the dates.", zodFieldErrors(parsed.error));
  try {
    const loan = await session.client.loans.request(
      { params: { id: itemId }, body: parsed.data },
      { idempotencyKey: idempotencyKeyFor(`${itemId}:${formText(form, "nonce")}`, parsed.data) },
    );
    return success(loan);
  } catch (error) {
    return borrowingFailure(error);
  }
}

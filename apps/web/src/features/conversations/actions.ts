"use server";
import { redirect } from "next/navigation";
import { IdSchema, SendMessageBodySchema, type Message } from "@sharehood/sdk";
import { messageFailure } from "@/features/conversations/message-failure";
import { idempotencyKeyFor } from "@/features/items/idempotency-key";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getConversationClient } from "@/server/conversations";
import { zodFieldErrors } from "@/server/zod-field-errors";

const signedOut = () => failure("Your session has ended. Please sign in again.", {}, "unauthenticated");

// Ids come from the browser: checked with the contract before they go anywhere.
const badId = () => failure("That conversation does not exist.", {}, "not_found");

function readBody(form: FormData) {
  const parsed = SendMessageBodySchema.safeParse({ body: formText(form, "body") });
  return parsed.success
    ? { ok: true as const, body: parsed.data }
    : { ok: false as const, result: failure("Please check your message.", zodFieldErrors(parsed.error)) };
}

/** Asks an item's owner a question; opens (or continues) my thread about it and goes there. */
export async function askAboutItemAction(
  itemId: string,
  _state: ActionResult | null,
  form: FormData,
): Promise<ActionResult | null> {
  const session = await getConversationClient();
  if (!session) return signedOut();
  if (!IdSchema.safeParse(itemId).success) return badId();
  const read = readBody(form);
  if (!read.ok) return read.result;
  let conversationId: string;
  try {
    const conversation = await session.conversations.ask(
      { params: { id: itemId }, body: read.body },
      { idempotencyKey: idempotencyKeyFor(`ask:${itemId}:${formText(form, "nonce")}`, read.body) },
    );
    conversationId = conversation.id;
  } catch (error) {
    return messageFailure(error);
  }
  redirect(`/messages/${conversationId}`);
}

/** Writes in a thread; answers the message as stored, for the page to show at once. */
export async function sendMessageAction(
  conversationId: string,
  _state: ActionResult<Message> | null,
  form: FormData,
): Promise<ActionResult<Message> | null> {
  const session = await getConversationClient();
  if (!session) return signedOut();
  if (!IdSchema.safeParse(conversationId).success) return badId();
  const read = readBody(form);
  if (!read.ok) return read.result;
  try {
    // The form's nonce: a resent identical message (a retry, a double press) posts once.
    const message = await session.conversations.send(
      { params: { id: conversationId }, body: read.body },
      { idempotencyKey: idempotencyKeyFor(`${conversationId}:${formText(form, "nonce")}`, read.body) },
    );
    return success(message);
  } catch (error) {
    return messageFailure(error);
  }
}

/** Marks the other person's messages in a thread read (opening the thread, or one arriving there). */
export async function markConversationReadAction(conversationId: string): Promise<ActionResult> {
  const session = await getConversationClient();
  if (!session) return signedOut();
  if (!IdSchema.safeParse(conversationId).success) return badId();
  try {
    await session.conversations.markRead({ params: { id: conversationId } });
    return success(undefined);
  } catch (error) {
    return failureFrom(error);
  }
}

/** Blocks (`blocked: true`) or unblocks a person. */
export async function setBlockedAction(userId: string, blocked: boolean): Promise<ActionResult> {
  const session = await getConversationClient();
  if (!session) return signedOut();
  if (!IdSchema.safeParse(userId).success) return failure("That person does not exist.", {}, "not_found");
  try {
    if (blocked) await session.blocks.add({ params: { userId } });
    else await session.blocks.remove({ params: { userId } });
    return success(undefined);
  } catch (error) {
    return failureFrom(error);
  }
}

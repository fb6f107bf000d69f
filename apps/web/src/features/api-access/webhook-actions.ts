"use server";
import { CreateWebhookBodySchema, IdSchema, type CreatedWebhook, type WebhookDelivery } from "@sharehood/sdk";
import { ALL_EVENTS } from "@/features/api-access/webhook-text";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

/** The new-webhook form's state: the endpoint, with its signing secret, shown this once. */
export type CreateWebhookState = ActionResult<CreatedWebhook> | null;

const SESSION_ENDED = "Your session has ended. Please sign in again.";

// The Notification API's refusals in this page's words: a URL it will not send to (422: a
// loopback, private or metadata address) belongs beside the URL; 409 is the most endpoints.
function webhookFailure(error: unknown) {
  const result = failureFrom(error);
  if (result.code === "unprocessable") {
    return failure("Sharehood cannot send to that address.", { url: result.message });
  }
  if (result.code === "forbidden") return failure("Your account cannot manage webhooks.");
  return result;
}

/**
 * Registers an endpoint from the form: its `url`, and `which` = `all` (every event type, those
 * added later too) or the checked `event` boxes.
 */
export async function createWebhookAction(
  _state: CreateWebhookState,
  form: FormData,
): Promise<CreateWebhookState> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  const events =
    formText(form, "which") === "all"
      ? [ALL_EVENTS]
      : form.getAll("event").filter((value) => typeof value === "string");
  const parsed = CreateWebhookBodySchema.safeParse({ url: formText(form, "url").trim(), events });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    const eventsError = Object.keys(fieldErrors).some((key) => key.startsWith("events"));
    return failure("Please check the highlighted fields.", {
      ...(fieldErrors.url ? { url: "Enter a full web address starting with https://" } : {}),
      ...(eventsError ? { events: "Choose at least one event, or all events" } : {}),
    });
  }
  try {
    return success(await session.client.webhooks.create({ body: parsed.data }));
  } catch (error) {
    return webhookFailure(error);
  }
}

/** Removes one of my endpoints and its delivery log: nothing more is sent to it. */
export async function deleteWebhookAction(id: string): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  if (!IdSchema.safeParse(id).success) return failure("That is not one of your webhooks.");
  try {
    await session.client.webhooks.delete({ params: { id } });
    return success(undefined);
  } catch (error) {
    const result = webhookFailure(error);
    return result.code === "not_found" ? success(undefined) : result;
  }
}

/** Sends one delivery's event to its endpoint again, now; answers the delivery, waiting again. */
export async function redeliverWebhookAction(
  id: string,
  deliveryId: string,
): Promise<ActionResult<WebhookDelivery>> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  if (!IdSchema.safeParse(id).success || !IdSchema.safeParse(deliveryId).success) {
    return failure("That is not one of your deliveries.");
  }
  try {
    return success(await session.client.webhooks.redeliver({ params: { id, deliveryId } }));
  } catch (error) {
    // 409 (the endpoint is disabled after a day of failures) comes in the API's words.
    return webhookFailure(error);
  }
}

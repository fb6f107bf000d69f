import { EmailKindSchema } from "@sharehood/sdk/contract";
import { z } from "zod";

/**
 * What an email says, decided when its event is handled and kept with it until it is sent; the
 * template renders it at send time. Account emails carry their one-time token here, so the row's
 * content is emptied once sent.
 */
export const EmailContentSchema = z.discriminatedUnion("template", [
  z.object({
    template: z.literal("loan"),
    kind: EmailKindSchema,
    title: z.string(),
    body: z.string(),
    message: z.string().nullable().optional(),
    /** The web app's page it is about. */
    path: z.string(),
  }),
  /** The trust and moderation kinds (reviews, a hidden item, a handled report): one page, one button. */
  z.object({
    template: z.literal("notice"),
    kind: EmailKindSchema,
    title: z.string(),
    body: z.string(),
    /** The web app's page it is about, and what its button says. */
    path: z.string(),
    action: z.string(),
  }),
  z.object({
    template: z.literal("message"),
    kind: z.literal("message.created"),
    senderName: z.string(),
    itemTitle: z.string(),
    /** The newest of the unread messages, oldest first (plain text). */
    messages: z.array(z.object({ body: z.string(), createdAt: z.string() })).min(1),
    /** How many messages were unread (more than quoted when there were many). */
    total: z.number().int().positive(),
    /** The web app's page of the thread. */
    path: z.string(),
  }),
  z.object({
    template: z.literal("verify-email"),
    name: z.string(),
    token: z.string(),
    expiresAt: z.string(),
  }),
  z.object({
    template: z.literal("reset-password"),
    name: z.string(),
    token: z.string(),
    expiresAt: z.string(),
  }),
  z.object({ template: z.literal("email-changed"), name: z.string(), newEmail: z.string() }),
  z.object({ template: z.literal("password-changed"), name: z.string() }),
  /** No name: the event carries only the id, and the address comes from this service's copy. */
  z.object({ template: z.literal("account-suspended") }),
  /** One of the person's webhook endpoints failed for a day and was disabled (webhooks/deliver.ts). */
  z.object({
    template: z.literal("webhook-disabled"),
    name: z.string(),
    url: z.string(),
    reason: z.string(),
  }),
]);
export type EmailContent = z.infer<typeof EmailContentSchema>;

/** An email to send: to whom, what, and the key that makes it unique (event, person, kind). */
export interface EmailDraft {
  key: string;
  userId: string;
  to: { name: string; address: string };
  content: EmailContent;
}

/** The kind stored with an email: the kind a person can switch off, or the account email's name. */
export const kindOf = (content: EmailContent): string =>
  content.template === "loan" || content.template === "notice" || content.template === "message"
    ? content.kind
    : `account.${content.template}`;

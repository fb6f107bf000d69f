import { z } from "zod";
import { IdSchema, PageQuerySchema, TimestampSchema } from "./common.ts";

/**
 * The audit log: every admin action, who did what to what, when and why. The service that acts
 * writes an `audit.recorded` event in the same transaction as the action (its outbox), and the
 * Notification API, which consumes every event, keeps the log and serves it to admins. Nobody can
 * edit or delete an entry: there is no route for it, and the table refuses updates and deletes.
 */

/** What an admin did. */
export const AUDIT_ACTIONS = [
  "user.role_changed",
  "user.deleted",
  "user.suspended",
  "user.unsuspended",
  "item.updated",
  "item.deleted",
  "item.hidden",
  "loan.cancelled",
  "report.dismissed",
] as const;
/** What an admin did. */
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
/** What an admin did. */
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** What an admin action was done to. */
export const AUDIT_SUBJECT_TYPES = ["user", "item", "loan", "report"] as const;

/** A detail of an audit entry: a few plain values (the new role, the report it resolved…). */
const AuditDetailsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** What the acting service records: the entry without its id (the event's id becomes the entry's). */
export const AuditRecordSchema = z.object({
  action: AuditActionSchema,
  /** The admin, with their name at the time. */
  actor: z.object({ id: IdSchema, name: z.string() }),
  subject: z.object({
    type: z.enum(AUDIT_SUBJECT_TYPES),
    id: IdSchema,
    /** How to recognise it in the log (a person's name, an item's title) at the time. */
    label: z.string().nullable(),
  }),
  /** Why, as the admin wrote it; null when they gave none. */
  reason: z.string().nullable(),
  details: AuditDetailsSchema,
  at: TimestampSchema,
});
/** An admin action as the acting service records it. */
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** One entry of the audit log. */
export const AuditEntrySchema = AuditRecordSchema.extend({ id: IdSchema });
/** One entry of the audit log. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /admin/audit-log` query: newest first, filtered by admin, action, subject or time. */
export const ListAuditLogQuerySchema = PageQuerySchema.extend({
  actorId: IdSchema.optional(),
  action: AuditActionSchema.optional(),
  subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional(),
  subjectId: IdSchema.optional(),
  /** Entries at or after this time. */
  from: TimestampSchema.optional(),
  /** Entries before this time. */
  to: TimestampSchema.optional(),
});
/** `GET /admin/audit-log` query. */
export type ListAuditLogQuery = z.input<typeof ListAuditLogQuerySchema>;

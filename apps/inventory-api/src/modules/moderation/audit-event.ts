import type { AuditRecord, NewDomainEvent } from "@sharehood/sdk";
import type { Caller } from "../auth/caller.ts";

/** What an audit entry says beyond who acted and when. */
export interface AuditedAction {
  action: AuditRecord["action"];
  subject: AuditRecord["subject"];
  /** Why, as the admin wrote it (null when they gave none). */
  reason?: string | null;
  details?: AuditRecord["details"];
}

/**
 * The `audit.recorded` event of an admin's action, for the outbox of the action's own transaction:
 * the Notification API keeps the audit log from these events, so an action is in the log exactly
 * when it happened. The actor is the caller, with their name at the time; nobody is told (it is
 * internal, read by admins in the log).
 */
export function auditEvent(caller: Caller, audited: AuditedAction): NewDomainEvent<"audit.recorded"> {
  return {
    type: "audit.recorded",
    actor: { id: caller.user.id },
    subject: { type: audited.subject.type, id: audited.subject.id },
    audience: [],
    payload: {
      action: audited.action,
      actor: { id: caller.user.id, name: caller.user.name },
      subject: audited.subject,
      reason: audited.reason ?? null,
      details: audited.details ?? {},
      at: new Date().toISOString(),
    },
  };
}

import { FIELD_LIMITS } from "@sharehood/sdk/limits";

/**
 * The optional why of an admin action, as the APIs take it (`{ reason }`): kept in the audit log.
 * An empty field sends no reason; the APIs cap its length, and so do the fields that ask for it.
 */
export function adminReasonBody(reason: string | undefined): { reason?: string } {
  const text = reason?.trim().slice(0, FIELD_LIMITS.moderationNote) ?? "";
  return text ? { reason: text } : {};
}

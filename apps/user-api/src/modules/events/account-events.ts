import type { AuditAction, NewDomainEvent } from "@sharehood/sdk";

/** The person as the user events carry them: what the Notification API needs to write to them. */
interface Person {
  id: string;
  name: string;
  email: string;
}

// Account events concern only the account holder: they alone are told, whoever made the change.
const about = (userId: string, actorId: string | null) => ({
  actor: actorId === null ? null : { id: actorId },
  subject: { type: "user" as const, id: userId },
  audience: [userId],
});
const personOf = ({ id, name, email }: Person) => ({ id, name, email });

/** The events the User API writes, built from the rows of the change (inside its transaction). */
export const accountEvents = {
  /** `actorId` null: created by the operator (ADMIN_EMAIL) or the demo seed, not by the person. */
  registered: (user: Person, actorId: string | null): NewDomainEvent<"user.registered"> => ({
    type: "user.registered",
    ...about(user.id, actorId),
    payload: { user: personOf(user) },
  }),

  /** `user` carries the new address; the Notification API tells the previous one too. */
  emailChanged: (user: Person, previousEmail: string): NewDomainEvent<"user.email_changed"> => ({
    type: "user.email_changed",
    ...about(user.id, user.id),
    payload: { user: personOf(user), previousEmail },
  }),

  /**
   * A new display name or avatar, so the other services' copies of the person (names in emails,
   * owners on item cards) follow.
   */
  renamed: (user: Person, avatarUrl: string | null): NewDomainEvent<"account.renamed"> => ({
    type: "account.renamed",
    ...about(user.id, user.id),
    payload: { user: personOf(user), avatarUrl },
  }),

  /** An admin suspended the account. Why is kept for admins (the audit log), not told here. */
  suspended: (userId: string, adminId: string): NewDomainEvent<"user.suspended"> => ({
    type: "user.suspended",
    ...about(userId, adminId),
    payload: { user: { id: userId } },
  }),

  /** `actorId` null: the operator set it (ADMIN_PASSWORD), not the person. */
  passwordChanged: (
    user: Person,
    actorId: string | null = user.id,
  ): NewDomainEvent<"user.password_changed"> => ({
    type: "user.password_changed",
    ...about(user.id, actorId),
    payload: { user: personOf(user) },
  }),

  deleted: (userId: string, actorId: string): NewDomainEvent<"user.deleted"> => ({
    type: "user.deleted",
    ...about(userId, actorId),
    payload: { user: { id: userId } },
  }),

  /** Carries the one-time secret for the emailed link: an internal event, never shown to anyone. */
  verificationRequested: (
    user: Person,
    link: { token: string; expiresAt: Date },
  ): NewDomainEvent<"account.verification_requested"> => ({
    type: "account.verification_requested",
    ...about(user.id, user.id),
    payload: { user: personOf(user), token: link.token, expiresAt: link.expiresAt.toISOString() },
  }),

  /** The actor is the account holder: the link works only for whoever reads their mail. */
  passwordResetRequested: (
    user: Person,
    link: { token: string; expiresAt: Date },
  ): NewDomainEvent<"account.password_reset_requested"> => ({
    type: "account.password_reset_requested",
    ...about(user.id, user.id),
    payload: { user: personOf(user), token: link.token, expiresAt: link.expiresAt.toISOString() },
  }),
};

/** Who did an admin action, as the audit log names them (their name at the time). */
export interface AuditActor {
  id: string;
  name: string;
}

/**
 * An admin's action on an account, for the audit log (kept by the Notification API): an internal
 * event, told to nobody, written in the action's own transaction.
 */
export function auditRecorded(
  action: AuditAction,
  entry: {
    actor: AuditActor;
    subject: { id: string; name: string };
    reason?: string | null;
    details?: Record<string, string | number | boolean | null>;
  },
): NewDomainEvent<"audit.recorded"> {
  const { actor, subject } = entry;
  return {
    type: "audit.recorded",
    actor: { id: actor.id },
    subject: { type: "user", id: subject.id },
    audience: [],
    payload: {
      action,
      actor: { id: actor.id, name: actor.name },
      subject: { type: "user", id: subject.id, label: subject.name },
      reason: entry.reason ?? null,
      details: entry.details ?? {},
      at: new Date().toISOString(),
    },
  };
}

/** Builds the events of a change from the rows the transaction wrote. */
export type EventsOf<T> = (row: T) => NewDomainEvent[];

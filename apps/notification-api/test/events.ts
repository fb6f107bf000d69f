import { randomUUID } from "node:crypto";
import type { DomainEvent, EmailKind, EventLoan } from "@sharehood/sdk/contract";

/** Someone as the tests know them: id, name and address. */
export interface Person {
  id: string;
  name: string;
  email: string;
}

const envelope = (actor: string | null, audience: string[], subject: DomainEvent["subject"]) => ({
  id: randomUUID(),
  version: 1 as const,
  time: new Date().toISOString(),
  actor: actor ? { id: actor } : null,
  audience,
  subject,
});

/** `user.registered`, as the User API writes it. */
export const registered = (person: Person): DomainEvent => ({
  ...envelope(person.id, [person.id], { type: "user", id: person.id }),
  source: "user-api",
  type: "user.registered",
  payload: { user: person },
});

/** A loan between an owner and a borrower, as loan events carry it. */
export function loanBetween(owner: Person, borrower: Person, overrides: Partial<EventLoan> = {}): EventLoan {
  return {
    id: randomUUID(),
    item: { id: randomUUID(), title: "Cordless drill" },
    ownerId: owner.id,
    borrowerId: borrower.id,
    borrowerName: borrower.name,
    startDate: "2026-12-10",
    endDate: "2026-12-12",
    status: "requested",
    ...overrides,
  };
}

/** A loan event, as the Inventory API writes it: both parties in the audience. */
export function loanEvent(
  type: EmailKind,
  loan: EventLoan,
  actor: string | null,
  extra: { message?: string } = {},
): DomainEvent {
  return {
    ...envelope(actor, [loan.ownerId, loan.borrowerId], { type: "loan", id: loan.id }),
    source: "inventory-api",
    type,
    payload: { loan, ...extra },
  };
}

/** An account event of the User API with a one-time token (verification or password reset). */
export function accountEvent(
  type: "account.verification_requested" | "account.password_reset_requested",
  person: Person,
  token: string,
): DomainEvent {
  return {
    ...envelope(null, [person.id], { type: "user", id: person.id }),
    source: "user-api",
    type,
    payload: { user: person, token, expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() },
  };
}

/** Polls `check` until it answers something truthy, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T> | T, ms = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

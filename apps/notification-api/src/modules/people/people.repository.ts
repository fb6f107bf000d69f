import type { EventPerson } from "@sharehood/sdk/contract";
import type { Tx } from "../../db.ts";

/** A person this service may write to. */
export interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * This service's copy of people (name, address), kept from the User API's events: it never reads
 * another service's tables. Every call runs inside the handling of an event.
 */
export const peopleRepository = {
  async remember(tx: Tx, person: EventPerson): Promise<void> {
    const data = { name: person.name, email: person.email };
    await tx.person.upsert({ where: { id: person.id }, create: { id: person.id, ...data }, update: data });
  },

  async findMany(tx: Tx, ids: readonly string[]): Promise<Map<string, Person>> {
    const rows = await tx.person.findMany({ where: { id: { in: [...ids] } } });
    return new Map(rows.map((row) => [row.id, row]));
  },

  async forget(tx: Tx, id: string): Promise<void> {
    await tx.person.deleteMany({ where: { id } });
  },
};

import { conflict, notFound } from "@sharehood/server-kit";
import type { Caller } from "../auth/caller.ts";
import { isVisibleTo } from "../items/item-visibility.ts";
import type { ItemsRepository } from "../items/items.repository.ts";
import type { OwnersRepository } from "../owners/owners.repository.ts";
import type { ReportedMessagesRepository } from "./reported-messages.repository.ts";
import type { ReportSubjectType } from "./report-row.ts";
import type { UserDirectory } from "./user-directory.ts";

/**
 * What can be reported, by whom, and who is behind it. Nobody learns through a report what they
 * could not see otherwise: an item they cannot see, a message of a thread they are not in and a
 * person who does not exist all answer 404, the way the rest of the API does.
 */
export function createReportSubjects(deps: {
  items: ItemsRepository;
  messages: ReportedMessagesRepository;
  owners: OwnersRepository;
  users: UserDirectory;
}) {
  const { items, messages, owners, users } = deps;

  const checks: Record<ReportSubjectType, (caller: Caller, id: string) => Promise<string>> = {
    async item(caller, id) {
      const item = await items.findById(id);
      if (!item || !isVisibleTo(item, caller)) throw notFound("The item");
      if (item.ownerId === caller.user.id) throw conflict("You cannot report your own item");
      return item.ownerId;
    },
    async message(caller, id) {
      const message = await messages.find(id);
      const isParticipant =
        message && (message.ownerId === caller.user.id || message.askerId === caller.user.id);
      if (!message || !isParticipant) throw notFound("The message");
      if (message.authorId === caller.user.id) throw conflict("You cannot report your own message");
      return message.authorId;
    },
    async user(caller, id) {
      if (id === caller.user.id) throw conflict("You cannot report yourself");
      // Anyone who listed, borrowed or wrote here is in the owners table; others are asked about.
      const known = await owners.find(id);
      const exists = known ? !known.gone : await users.exists(id);
      if (!exists) throw notFound("The person");
      return id;
    },
  };

  return {
    /** The person behind a subject the caller may report (the item's owner, the message's author). */
    personBehind: (caller: Caller, type: ReportSubjectType, id: string): Promise<string> =>
      checks[type](caller, id),

    /** How the audit log names a subject: an item's title, a person's name, a message's author. */
    async labelOf(type: ReportSubjectType, id: string): Promise<string | null> {
      if (type === "item") return (await items.findById(id))?.title ?? null;
      if (type === "user") return (await owners.find(id))?.name ?? null;
      const message = await messages.find(id);
      return message ? `A message by ${message.authorName ?? "a neighbour"}` : null;
    },
  };
}

export type ReportSubjects = ReturnType<typeof createReportSubjects>;

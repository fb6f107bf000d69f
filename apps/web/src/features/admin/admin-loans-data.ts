import "server-only";
import type { Loan, Page, SharehoodClient } from "@sharehood/sdk";
import { loansQueryFor, type LoanFilters } from "@/features/admin/loan-filters";
import { failureFrom } from "@/server/action-result";
import { apiClient } from "@/server/api-client";
import { findItem } from "@/server/items";

/** Loans per page of the admin list. */
export const ADMIN_LOANS_PAGE_SIZE = 20;

/** Who the person filter stands for, once looked up. */
export type PersonMatch =
  | { kind: "none" }
  | { kind: "one"; id: string; name: string; email: string | null }
  | { kind: "many"; people: { id: string; name: string; email: string }[] }
  | { kind: "nobody" };

/** Everything the admin loans page shows for some filters. */
export interface AdminLoans {
  person: PersonMatch;
  /** The item the filter names: its title, or null when no item has that reference. */
  item: { id: string; title: string } | null;
  /** The item field held something that is not a reference or a link to an item. */
  itemInvalid: boolean;
  /** Null while the filters do not name one person yet, or when the list could not be loaded. */
  page: Page<Loan> | null;
  /** Owners' names by id (a loan carries the borrower's name only). */
  ownerNames: Map<string, string>;
  error: string | null;
}

// A person typed by name or email: the User API's admin search, a handful of matches. An exact
// email match wins over the others.
async function findPerson(client: SharehoodClient, filters: LoanFilters): Promise<PersonMatch> {
  if (filters.person) {
    const { items } = await client.users.list({ query: { q: filters.person, limit: 8 } });
    const exact = items.find((user) => user.email.toLowerCase() === filters.person.toLowerCase());
    const found = exact ? [exact] : items;
    if (found.length === 0) return { kind: "nobody" };
    if (found.length > 1)
      return { kind: "many", people: found.map(({ id, name, email }) => ({ id, name, email })) };
    const [user] = found;
    return { kind: "one", id: user!.id, name: user!.name, email: user!.email };
  }
  if (filters.userId) {
    const name = await publicName(filters.userId);
    return { kind: "one", id: filters.userId, name: name ?? "Unknown person", email: null };
  }
  return { kind: "none" };
}

async function publicName(id: string): Promise<string | null> {
  return apiClient()
    .users.get({ params: { id } })
    .then((user) => user.name)
    .catch(() => null);
}

/** Loads the page of loans the filters ask for, with the names the page shows beside them. */
export async function loadAdminLoans(client: SharehoodClient, filters: LoanFilters): Promise<AdminLoans> {
  const itemInvalid = filters.item !== "" && filters.itemId === null;
  const result: AdminLoans = {
    person: { kind: "none" },
    item: null,
    itemInvalid,
    page: null,
    ownerNames: new Map(),
    error: null,
  };
  try {
    const [person, item] = await Promise.all([
      findPerson(client, filters),
      filters.itemId ? findItem(filters.itemId) : null,
    ]);
    result.person = person;
    result.item = item && { id: item.id, title: item.title };
    const personId = person.kind === "one" ? person.id : null;
    if (itemInvalid || person.kind === "many" || person.kind === "nobody") return result;
    result.page = await client.loans.listEveryone({
      query: loansQueryFor(filters, personId, ADMIN_LOANS_PAGE_SIZE),
    });
    const ownerIds = [...new Set(result.page.items.map((loan) => loan.ownerId))];
    const names = await Promise.all(ownerIds.map(publicName));
    ownerIds.forEach((id, index) => result.ownerNames.set(id, names[index] ?? "Unknown person"));
  } catch (error) {
    result.error = failureFrom(error).message;
  }
  return result;
}

import { IdSchema, LOAN_STATUSES, type ListAllLoansQuery, type LoanStatus } from "@sharehood/sdk/contract";

/** The admin loans list's "state" choice: overdue (what moderators look for first) or a status. */
export type LoanStateFilter = "overdue" | LoanStatus;
const STATES: readonly string[] = ["overdue", ...LOAN_STATUSES];

/**
 * The admin loans list's filters, as they stand in the page's URL (so a reload or a shared link
 * shows the same list): `state`, `user` (a person's id, borrower or owner), `person` (a name or
 * email still to be found), `item` (an item's reference or link) and `cursor` (the page).
 */
export interface LoanFilters {
  state: LoanStateFilter | null;
  userId: string | null;
  person: string;
  /** The item field as typed (a reference or a pasted link); `itemId` is what it names. */
  item: string;
  itemId: string | null;
  cursor: string | null;
}

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, key: string) => {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
};

/** An id from a reference or a pasted link (its last path segment), or null. */
export function idFromReference(reference: string): string | null {
  const last = reference.split(/[?#]/, 1)[0]?.split("/").filter(Boolean).pop() ?? "";
  return IdSchema.safeParse(last).success ? last : null;
}

/** The filters of a page's search params; anything malformed is left out. */
export function loanFiltersFrom(params: Params): LoanFilters {
  const state = one(params, "state");
  const userId = one(params, "user");
  const item = one(params, "item").slice(0, 300);
  const cursor = one(params, "cursor");
  return {
    state: STATES.includes(state) ? (state as LoanStateFilter) : null,
    userId: IdSchema.safeParse(userId).success ? userId : null,
    person: one(params, "person").slice(0, 100),
    item,
    itemId: item ? idFromReference(item) : null,
    cursor: cursor && cursor.length <= 500 ? cursor : null,
  };
}

/** The `GET /admin/loans` query for filters, once the person is known (`userId`). */
export function loansQueryFor(filters: LoanFilters, userId: string | null, limit: number): ListAllLoansQuery {
  return {
    ...(filters.state === "overdue" ? { overdue: "true" } : filters.state ? { status: filters.state } : {}),
    ...(userId ? { userId } : {}),
    ...(filters.itemId ? { itemId: filters.itemId } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
    limit,
  };
}

/** What can change in a link: a value sets a filter, null removes it. Paging starts over unless `cursor` is given. */
type Changes = Partial<Record<"state" | "user" | "person" | "item" | "cursor", string | null>>;

/** The admin loans page's URL with these filters and changes. */
export function loansHref(filters: LoanFilters, changes: Changes = {}): string {
  const current: Record<string, string | null> = {
    state: filters.state,
    user: filters.userId,
    person: filters.person || null,
    item: filters.item || null,
  };
  const merged = { ...current, cursor: null, ...changes };
  const query = new URLSearchParams(
    Object.entries(merged).flatMap(([key, value]) => (value ? [[key, value]] : [])),
  ).toString();
  return query ? `/admin/loans?${query}` : "/admin/loans";
}

import Link from "next/link";
import { LOAN_STATUSES } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { buttonStyles } from "@sharehood/ui/button";
import { SelectField } from "@sharehood/ui/select-field";
import { TextField } from "@sharehood/ui/text-field";
import type { AdminLoans } from "@/features/admin/admin-loans-data";
import { loansHref, type LoanFilters } from "@/features/admin/loan-filters";
import { STATUS_LOOK } from "@/features/loans/loan-status";

// Overdue first: what a moderator looks for most.
const STATE_OPTIONS = [
  { value: "", label: "Any state" },
  { value: "overdue", label: "Overdue" },
  ...LOAN_STATUSES.map((status) => ({ value: status, label: STATUS_LOOK[status].label })),
];

/**
 * The admin loans list's filters: a plain GET form, so the filters are the page's URL (a reload or
 * a shared link shows the same list) and it works before any script has loaded.
 */
export function AdminLoanFilters({ filters, data }: { filters: LoanFilters; data: AdminLoans }) {
  const { person } = data;
  return (
    <form
      method="get"
      action="/admin/loans"
      aria-labelledby="loan-filters-heading"
      className="flex flex-col gap-4 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6"
    >
      <h2 id="loan-filters-heading" className="text-lg font-semibold">
        Find loans
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField name="state" label="State" options={STATE_OPTIONS} defaultValue={filters.state ?? ""} />
        <TextField
          name="person"
          label="Person (borrower or owner)"
          hint="A name or an email address."
          defaultValue={filters.person}
          autoComplete="off"
        />
        <TextField
          name="item"
          label="Item"
          hint="Its reference, or a link to it."
          defaultValue={filters.item}
          error={data.itemInvalid ? "Enter an item's reference or a link to its page." : undefined}
          autoComplete="off"
        />
      </div>
      {/* A person chosen from a list or a loan stays chosen while the other filters change. */}
      {person.kind === "one" && !filters.person && <input type="hidden" name="user" value={person.id} />}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonStyles("primary")}>
          Show loans
        </button>
        <Link href="/admin/loans" className={buttonStyles("ghost")}>
          Clear filters
        </Link>
      </div>
      {person.kind === "one" && (
        <p className="text-sm text-stone-700">
          Loans that <span className="font-semibold">{person.name}</span>
          {person.email && <> ({person.email})</>} borrows or lends.{" "}
          <Link
            href={loansHref(filters, { user: null, person: null })}
            className="font-semibold text-brand-800 underline"
          >
            Everyone&apos;s loans
          </Link>
        </p>
      )}
      {data.item && (
        <p className="text-sm text-stone-700">
          Loans of <span className="font-semibold">“{data.item.title}”</span>.{" "}
          <Link href={loansHref(filters, { item: null })} className="font-semibold text-brand-800 underline">
            Every item&apos;s loans
          </Link>
        </p>
      )}
      {filters.itemId && !data.item && !data.error && (
        <Alert tone="warning">No item has this reference; no loan is listed for it.</Alert>
      )}
      {person.kind === "nobody" && <Alert tone="warning">No one matches “{filters.person}”.</Alert>}
      {person.kind === "many" && (
        <div
          role="status"
          className="rounded-2xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900"
        >
          <p className="font-semibold">Several people match “{filters.person}”. Whose loans?</p>
          <ul className="mt-2 flex flex-col gap-1">
            {person.people.map((someone) => (
              <li key={someone.id}>
                <Link
                  href={loansHref(filters, { person: null, user: someone.id })}
                  className="font-semibold underline"
                >
                  {someone.name}
                </Link>{" "}
                ({someone.email})
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

import type { Metadata } from "next";
import { Alert } from "@sharehood/ui/alert";
import { AdminLoanFilters } from "@/features/admin/admin-loan-filters";
import { AdminLoanList } from "@/features/admin/admin-loan-list";
import { loadAdminLoans } from "@/features/admin/admin-loans-data";
import { AdminTabs } from "@/features/admin/admin-tabs";
import { loanFiltersFrom, loansHref } from "@/features/admin/loan-filters";
import { LoanLookup } from "@/features/admin/loan-lookup";
import { requireAdmin } from "@/features/admin/require-admin";
import { PageHeading } from "@/features/layout/page-heading";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "Admin · Loans",
  description: "Every loan on Sharehood: by state, overdue, person or item; open and cancel any.",
  robots: { index: false },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminLoansPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const filters = loanFiltersFrom(await searchParams);
  const session = await getUserClient();
  const data = session ? await loadAdminLoans(session.client, filters) : null;
  return (
    <div>
      <PageHeading title="Admin" intro="Look after the community: people, listings and loans." />
      <AdminTabs current="/admin/loans" />
      <div className="flex flex-col gap-6">
        {/* Keyed on the filters: following a link here (same page, other query) must show the
            new values, which an uncontrolled field kept from the last render would not. */}
        {data && <AdminLoanFilters key={loansHref(filters)} filters={filters} data={data} />}
        <section aria-labelledby="loan-results-heading" className="flex flex-col gap-4">
          <h2 id="loan-results-heading" className="text-lg font-semibold">
            Loans, newest first
          </h2>
          {(!data || data.error) && (
            <Alert tone="error" title="We couldn't load the loans">
              {data?.error ?? "Your session has ended. Please sign in again."}
            </Alert>
          )}
          {data && !data.page && !data.error && (
            <p className="text-stone-700">
              Pick one of the people above, or change the filters, to see loans.
            </p>
          )}
          {data?.page && (
            <AdminLoanList
              loans={data.page.items}
              nextCursor={data.page.nextCursor}
              ownerNames={data.ownerNames}
              filters={filters}
            />
          )}
        </section>
        <section
          aria-labelledby="loan-lookup-heading"
          className="rounded-3xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6"
        >
          <h2 id="loan-lookup-heading" className="text-lg font-semibold">
            Open a loan by its reference
          </h2>
          <p className="mt-2 mb-5 text-stone-700">
            The reference people quote from a loan&apos;s page. On the loan you can read its history and
            cancel it if it is not finished yet.
          </p>
          <LoanLookup />
        </section>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { AdminTabs } from "@/features/admin/admin-tabs";
import { LoanLookup } from "@/features/admin/loan-lookup";
import { requireAdmin } from "@/features/admin/require-admin";
import { PageHeading } from "@/features/layout/page-heading";

export const metadata: Metadata = {
  title: "Admin · Loans",
  description: "Look up and cancel any loan on Sharehood.",
  robots: { index: false },
};

export default async function AdminLoansPage() {
  await requireAdmin();
  return (
    <div>
      <PageHeading title="Admin" intro="Look after the community: people, listings and loans." />
      <AdminTabs current="/admin/loans" />
      <section className="max-w-2xl rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8">
        <h2 className="text-lg font-semibold">Cancel a loan</h2>
        <p className="mt-2 mb-5 text-stone-700">
          Open a loan by the reference people quote from its page. You can read its history and cancel it if
          it is not finished yet.
        </p>
        <LoanLookup />
      </section>
    </div>
  );
}

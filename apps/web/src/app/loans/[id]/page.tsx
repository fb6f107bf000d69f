import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { ApiError, type LoanDetail } from "@sharehood/sdk";
import { LoanThread } from "@/features/conversations/loan-thread";
import { LoanDetailView } from "@/features/loans/loan-detail-view";
import { PageHeading } from "@/features/layout/page-heading";
import { can, getUserClient, requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Loan",
  description: "A loan on Sharehood: its dates, its state and its history.",
  robots: { index: false },
};

export default async function LoanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const session = await getUserClient();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/loans/${id}`)}`);
  let loan: LoanDetail;
  try {
    loan = await session.client.loans.get({ params: { id } });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    // 403 with app/forbidden.tsx. This page has no loading.tsx above it, so the status holds.
    if (error instanceof ApiError && error.status === 403) forbidden();
    throw error;
  }
  return (
    <div>
      <Link href="/loans" className="text-sm text-stone-600 hover:underline">
        ← Borrowing
      </Link>
      <div className="mt-3">
        <PageHeading title="Loan" />
      </div>
      <LoanDetailView
        initial={loan}
        viewerId={viewer.id}
        canCancelAny={can(viewer, "loan.cancel.any")}
        thread={loan.conversationId ? <LoanThread conversationId={loan.conversationId} /> : null}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { ApiError, type LoanDetail, type LoanReviews } from "@sharehood/sdk";
import { LoanThread } from "@/features/conversations/loan-thread";
import { LoanDetailView } from "@/features/loans/loan-detail-view";
import { PageHeading } from "@/features/layout/page-heading";
import { findPerson, loanReviewsForSite } from "@/server/profiles";
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
  // The owner's name (for the "Lender" line and the borrower's review form), and for the borrower
  // and the owner the reviews of a returned loan. Neither holds the page up when its API is down.
  const isParty = viewer.id === loan.ownerId || viewer.id === loan.borrowerId;
  const [owner, reviews] = await Promise.all([
    findPerson(loan.ownerId).catch(() => null),
    isParty && loan.status === "returned"
      ? session.client.reviews
          .forLoan({ params: { id } })
          .then(loanReviewsForSite)
          .catch((): LoanReviews | null => null)
      : null,
  ]);
  const other =
    viewer.id === loan.ownerId
      ? { id: loan.borrowerId, name: loan.borrowerName }
      : { id: loan.ownerId, name: owner?.name ?? "the owner" };
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
        ownerName={owner?.name ?? null}
        reviews={isParty ? { other, initial: reviews } : undefined}
        thread={loan.conversationId ? <LoanThread conversationId={loan.conversationId} /> : null}
      />
    </div>
  );
}

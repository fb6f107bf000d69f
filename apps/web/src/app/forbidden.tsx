import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NotAllowed } from "@/features/layout/not-allowed";
import { refusalFor } from "@/features/layout/refusal";
import { findItem } from "@/server/items";
import { requestPath } from "@/server/session";

export const metadata: Metadata = {
  title: "Not allowed",
  description: "This page on Sharehood is not yours to use.",
  robots: { index: false },
};

/**
 * The page of every `forbidden()` (answered with 403): the friendly "not allowed" page, worded
 * after what was refused. forbidden.tsx takes no props, so it reads the page's path from the proxy.
 */
export default async function Forbidden() {
  const refusal = refusalFor(await requestPath());
  switch (refusal.kind) {
    case "admin":
      return <NotAllowed title="Admins only">This area is for Sharehood administrators.</NotAllowed>;
    case "loan":
      return (
        <NotAllowed title="This loan is not yours">
          Only the borrower, the owner and admins can see a loan.
        </NotAllowed>
      );
    case "item-edit":
      return <NotAllowed title="You can't edit this listing">{await whoseItem(refusal.itemId)}</NotAllowed>;
    default:
      return <NotAllowed />;
  }
}

async function whoseItem(itemId: string): Promise<ReactNode> {
  // The edit page fetched it already in this request: this is React's cached answer.
  const item = await findItem(itemId).catch(() => null);
  if (!item) return "Only the owner of a listing can change it.";
  return (
    <>
      “{item.title}” belongs to {item.owner.name}. Only the owner can change it.
    </>
  );
}

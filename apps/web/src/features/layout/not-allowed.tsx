import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";

/** What a signed-in person sees on a page that is not theirs to use. */
export function NotAllowed({
  title = "You are not allowed to do that",
  children,
}: {
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-xl py-10">
      <EmptyState
        title={title}
        headingLevel="h1"
        icon={
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-10">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M5 5l14 14" stroke="currentColor" strokeWidth="2" />
          </svg>
        }
        action={
          <Link href="/" className={buttonStyles("secondary")}>
            Back to browsing
          </Link>
        }
      >
        {children ?? "This page belongs to someone else."}
      </EmptyState>
    </div>
  );
}

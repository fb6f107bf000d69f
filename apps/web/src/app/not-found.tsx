import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@sharehood/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
  description: "This page does not exist on Sharehood.",
};

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center">
      <p className="text-6xl font-extrabold text-brand-700" aria-hidden="true">
        404
      </p>
      <h1 className="text-2xl font-bold tracking-tight">We couldn&apos;t find that page</h1>
      <p className="text-stone-600">
        It may have been removed, or the link is mistyped. The things to borrow are this way:
      </p>
      <Link href="/" className={buttonStyles("primary", "lg")}>
        Browse items
      </Link>
    </div>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";

/** Next's client-side link in the shape the UI package's cards take. */
export function NextLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}

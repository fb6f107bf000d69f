import type { ReactNode } from "react";
import { cx } from "./cx.ts";

/** Props of `EmptyState`. */
export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  /** A call to action, such as a link to clear filters. */
  action?: ReactNode;
  icon?: ReactNode;
  /** The heading's level: `h1` when the state is the whole page. */
  headingLevel?: "h1" | "h2";
  className?: string;
}

/** What a list shows when it has nothing in it, or could not be loaded. */
export function EmptyState({
  title,
  children,
  action,
  icon,
  headingLevel = "h2",
  className,
}: EmptyStateProps) {
  const Heading = headingLevel;
  return (
    <div
      className={cx(
        "flex flex-col items-center gap-3 rounded-3xl border border-dashed border-stone-300 bg-white/60 px-6 py-12 text-center",
        className,
      )}
    >
      {icon && <div className="text-brand-700">{icon}</div>}
      <Heading className="text-lg font-semibold text-stone-900">{title}</Heading>
      {children && <div className="max-w-md text-stone-600">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

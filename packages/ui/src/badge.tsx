import type { ReactNode } from "react";
import { cx } from "./cx.ts";

/** The colour of a badge. */
export type BadgeTone = "neutral" | "brand" | "amber" | "sky" | "red" | "violet";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-stone-100 text-stone-800 ring-stone-200",
  brand: "bg-brand-50 text-brand-800 ring-brand-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  sky: "bg-sky-50 text-sky-900 ring-sky-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  violet: "bg-violet-50 text-violet-900 ring-violet-200",
};

/** A small label, such as a condition or a loan status. */
export function Badge({
  tone = "neutral",
  children,
  className,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

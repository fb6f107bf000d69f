import { RATING_MAX } from "@sharehood/sdk/limits";
import { cx } from "@sharehood/ui/cx";

const STAR = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5Z";

/** One star, filled for `fill` of its width (0 to 1): a grey star under a clipped amber one. */
export function Star({ fill, className }: { fill: number; className?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, fill)) * 100);
  return (
    <span aria-hidden="true" className={cx("relative inline-block shrink-0", className)}>
      <svg viewBox="0 0 20 20" className="absolute inset-0 size-full fill-stone-300">
        <path d={STAR} />
      </svg>
      <span className="absolute inset-y-0 left-0 overflow-hidden" style={{ width: `${percent}%` }}>
        <svg viewBox="0 0 20 20" className="aspect-square h-full max-w-none fill-amber-500">
          <path d={STAR} />
        </svg>
      </span>
    </span>
  );
}

/** A rating as five stars, read out as "Rated 4.5 out of 5". */
export function Stars({ rating, size = "sm" }: { rating: number; size?: "sm" | "md" }) {
  return (
    <span
      role="img"
      aria-label={`Rated ${rating} out of ${RATING_MAX}`}
      className="inline-flex items-center gap-0.5"
    >
      {Array.from({ length: RATING_MAX }, (_, index) => (
        <Star key={index} fill={rating - index} className={size === "sm" ? "size-4" : "size-5"} />
      ))}
    </span>
  );
}

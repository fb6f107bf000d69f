import { cx } from "./cx.ts";

const COLOURS = [
  "bg-brand-100 text-brand-900",
  "bg-amber-100 text-amber-900",
  "bg-sky-100 text-sky-900",
  "bg-violet-100 text-violet-900",
  "bg-rose-100 text-rose-900",
  "bg-lime-100 text-lime-900",
];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}

function colourOf(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

const SIZES = { sm: "size-7 text-xs", md: "size-9 text-sm", lg: "size-14 text-lg", xl: "size-24 text-3xl" };

/**
 * A person's photo in a circle, or their initials in a circle whose colour stays the same for the
 * same person. Decorative (`alt=""`, `aria-hidden`): the person's name is always written beside it.
 */
export function Avatar({
  name,
  seed,
  size = "md",
  src,
}: {
  name: string;
  seed?: string;
  size?: keyof typeof SIZES;
  /** Their avatar photo (a square image); without one, the initials. */
  src?: string | null;
}) {
  if (src) {
    return (
      <img
        src={src}
        alt=""
        aria-hidden="true"
        loading="lazy"
        decoding="async"
        className={cx("shrink-0 rounded-full bg-stone-100 object-cover", SIZES[size])}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={cx(
        "inline-flex shrink-0 items-center justify-center rounded-full font-bold",
        SIZES[size],
        colourOf(seed ?? name),
      )}
    >
      {initials(name)}
    </span>
  );
}

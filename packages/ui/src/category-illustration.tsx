import type { ReactNode } from "react";
import { cx } from "./cx.ts";

// Each category gets a soft background and a simple drawing, so items without photos still
// look intentional. Inline SVG: nothing is downloaded.
const ART: Record<
  string,
  { bg: string; fg: string; accent: string; draw: (fg: string, accent: string) => ReactNode }
> = {
  tools: {
    bg: "#fef3c7",
    fg: "#92400e",
    accent: "#f59e0b",
    draw: (fg, accent) => (
      <>
        <rect x="52" y="28" width="8" height="44" rx="3" fill={fg} transform="rotate(-35 56 50)" />
        <rect x="38" y="18" width="30" height="13" rx="4" fill={accent} transform="rotate(-35 53 25)" />
        <path d="M70 30a10 10 0 1 0 12 12l-4-4-6 1 1-6z" fill={fg} />
        <rect x="64" y="40" width="7" height="32" rx="3" fill={fg} transform="rotate(40 67 56)" />
      </>
    ),
  },
  garden: {
    bg: "#dcfce7",
    fg: "#166534",
    accent: "#f472b6",
    draw: (fg, accent) => (
      <>
        <path d="M44 60h32l-4 18H48z" fill="#b45309" />
        <path d="M60 60V36" stroke={fg} strokeWidth="4" strokeLinecap="round" />
        <ellipse cx="50" cy="46" rx="10" ry="5" fill={fg} transform="rotate(-30 50 46)" />
        <ellipse cx="70" cy="42" rx="10" ry="5" fill={fg} transform="rotate(30 70 42)" />
        <circle cx="60" cy="28" r="8" fill={accent} />
        <circle cx="60" cy="28" r="3" fill="#fde68a" />
      </>
    ),
  },
  kitchen: {
    bg: "#ffe4e6",
    fg: "#9f1239",
    accent: "#fb7185",
    draw: (fg, accent) => (
      <>
        <path d="M36 44h48v16a12 12 0 0 1-12 12H48a12 12 0 0 1-12-12z" fill={fg} />
        <rect x="30" y="40" width="60" height="6" rx="3" fill={accent} />
        <rect x="54" y="32" width="12" height="6" rx="3" fill={fg} />
        <path
          d="M48 26c0-4 4-4 4-8M60 24c0-4 4-4 4-8M72 26c0-4 4-4 4-8"
          stroke={accent}
          strokeWidth="2.5"
          fill="none"
          strokeLinecap="round"
        />
      </>
    ),
  },
  camping: {
    bg: "#e0f2fe",
    fg: "#0c4a6e",
    accent: "#f97316",
    draw: (fg, accent) => (
      <>
        <circle cx="88" cy="24" r="7" fill="#fde047" />
        <path d="M60 22 30 72h60z" fill={accent} />
        <path d="M60 22 50 72h20z" fill={fg} />
        <path d="M22 72h76" stroke={fg} strokeWidth="3" strokeLinecap="round" />
      </>
    ),
  },
  sports: {
    bg: "#ede9fe",
    fg: "#4c1d95",
    accent: "#a78bfa",
    draw: (fg, accent) => (
      <>
        <circle cx="60" cy="46" r="24" fill={accent} />
        <path d="M36 46h48M60 22v48" stroke={fg} strokeWidth="3" />
        <path d="M43 29c8 8 8 26 0 34M77 29c-8 8-8 26 0 34" stroke={fg} strokeWidth="3" fill="none" />
      </>
    ),
  },
  electronics: {
    bg: "#e2e8f0",
    fg: "#1e293b",
    accent: "#38bdf8",
    draw: (fg, accent) => (
      <>
        <rect x="34" y="24" width="52" height="34" rx="5" fill={fg} />
        <rect x="39" y="29" width="42" height="24" rx="2" fill={accent} />
        <rect x="54" y="58" width="12" height="8" fill={fg} />
        <rect x="44" y="66" width="32" height="5" rx="2.5" fill={fg} />
      </>
    ),
  },
  kids: {
    bg: "#fef9c3",
    fg: "#a16207",
    accent: "#60a5fa",
    draw: (fg, accent) => (
      <>
        <rect x="34" y="50" width="22" height="22" rx="3" fill={accent} />
        <rect x="60" y="50" width="22" height="22" rx="3" fill="#f87171" />
        <rect x="47" y="28" width="22" height="22" rx="3" fill={fg} />
        <text x="58" y="44" fontSize="14" fontWeight="700" fill="#fff" textAnchor="middle">
          A
        </text>
      </>
    ),
  },
  party: {
    bg: "#fce7f3",
    fg: "#9d174d",
    accent: "#facc15",
    draw: (fg, accent) => (
      <>
        <ellipse cx="48" cy="36" rx="11" ry="14" fill={fg} />
        <ellipse cx="72" cy="32" rx="11" ry="14" fill={accent} />
        <path d="M48 50c2 8-4 14 2 24M72 46c-2 10 4 16-2 28" stroke="#57534e" strokeWidth="1.5" fill="none" />
        <circle cx="86" cy="60" r="2.5" fill={fg} />
        <circle cx="32" cy="62" r="2.5" fill={accent} />
      </>
    ),
  },
  books: {
    bg: "#ffedd5",
    fg: "#7c2d12",
    accent: "#0d9488",
    draw: (fg, accent) => (
      <>
        <rect x="36" y="26" width="12" height="46" rx="2" fill={fg} />
        <rect x="50" y="30" width="12" height="42" rx="2" fill={accent} />
        <rect x="66" y="28" width="12" height="44" rx="2" fill="#f59e0b" transform="rotate(12 72 50)" />
        <path d="M30 73h60" stroke="#57534e" strokeWidth="3" strokeLinecap="round" />
      </>
    ),
  },
  other: {
    bg: "#f5f5f4",
    fg: "#57534e",
    accent: "#a8a29e",
    draw: (fg, accent) => (
      <>
        <path d="M60 22 86 34v28L60 74 34 62V34z" fill={accent} />
        <path d="M60 46 86 34M60 46 34 34M60 46v28" stroke={fg} strokeWidth="2.5" fill="none" />
      </>
    ),
  },
};

/** Props of `CategoryIllustration`. */
export interface CategoryIllustrationProps {
  categoryId: string;
  className?: string;
}

/** A decorative drawing of a category, shown where an item has no photo. */
export function CategoryIllustration({ categoryId, className }: CategoryIllustrationProps) {
  const art = ART[categoryId] ?? ART.other!;
  return (
    <svg
      viewBox="0 0 120 90"
      aria-hidden="true"
      focusable="false"
      preserveAspectRatio="xMidYMid slice"
      className={cx("block h-full w-full", className)}
      style={{ backgroundColor: art.bg }}
    >
      {art.draw(art.fg, art.accent)}
    </svg>
  );
}

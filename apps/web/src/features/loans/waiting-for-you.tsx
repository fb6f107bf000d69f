"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { waitingQuery } from "@/features/loans/queries";
import { waitingLines, type WaitingCounts } from "@/features/loans/waiting";

/**
 * "Waiting for you": requests for my things to answer and approved loans to pick up, each a
 * link to its list. It follows the answers given on the page; unknown, it shows nothing.
 */
export function WaitingForYou({ initial }: { initial: WaitingCounts | undefined }) {
  const counts = useQuery(waitingQuery(initial)).data;
  if (!counts) return null;
  const lines = waitingLines(counts);
  return (
    <section
      aria-labelledby="waiting-heading"
      className="mb-6 flex flex-col gap-2 rounded-2xl bg-white px-4 py-3 shadow-sm ring-1 ring-stone-200 sm:flex-row sm:items-center sm:gap-4"
    >
      <h2 id="waiting-heading" className="text-sm font-semibold text-stone-900">
        Waiting for you
      </h2>
      {lines.length === 0 ? (
        <p className="text-sm text-stone-700">Nothing right now.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {lines.map((line) => (
            <li key={line.side}>
              <Link
                href={`/loans?view=${line.side}`}
                className="inline-flex min-h-9 items-center rounded-full bg-amber-50 px-3 py-1 text-sm font-semibold text-amber-900 ring-1 ring-amber-200 ring-inset hover:bg-amber-100"
              >
                {line.text}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

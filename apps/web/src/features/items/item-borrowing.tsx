"use client";
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { Availability } from "@sharehood/sdk/contract";
import { AvailabilityCalendar } from "@/features/items/availability-calendar";
import { availabilityWindow } from "@/features/items/availability-window";
import { canEndOn, canStartOn, rulesInWords, type BorrowRules } from "@/features/items/borrow-rules";
import { monthOf } from "@/features/items/calendar-month";
import { todayUtc } from "@/features/items/dates";
import { BorrowSection, type ItemRef } from "@/features/items/item-viewer-parts";
import { availabilityQuery } from "@/features/items/queries";
import { useViewer } from "@/features/layout/viewer";

/** The dates picked in the calendar or typed in the form. */
export interface PickedRange {
  start: string;
  end: string;
}

/**
 * The item page's borrowing part: the owner's rules in words, the month calendar of taken days and
 * the borrow form. For someone who may borrow, the calendar is the form's date picker: the first
 * press picks the start, the second the end, and days the rules or the bookings rule out cannot be
 * picked. The taken days come with the page (the same for every visitor) and are read again here.
 */
export function ItemBorrowing({
  item,
  rules,
  initialAvailability,
  children,
}: {
  item: ItemRef;
  rules: BorrowRules;
  initialAvailability: Availability | null;
  /** Shown under the calendar: the booked ranges as a list. */
  children?: ReactNode;
}) {
  const viewer = useViewer();
  const [today] = useState(() => todayUtc());
  const dateWindow = availabilityWindow(today);
  const availability = useQuery(
    availabilityQuery(
      item.id,
      dateWindow,
      initialAvailability?.from === dateWindow.from ? initialAvailability : undefined,
    ),
  );
  const taken = availability.data?.taken ?? [];
  const [month, setMonth] = useState(() => monthOf(today));
  const [range, setRange] = useState<PickedRange>({ start: "", end: "" });
  const canBorrow = !!viewer && viewer.id !== item.owner.id && !rules.paused;
  const words = rulesInWords(rules);

  function canPick(day: string): boolean {
    // With a start and no end yet, a later day is an end; any other press starts again.
    if (range.start && !range.end && day >= range.start) {
      return canEndOn(range.start, day, rules, taken) || canStartOn(day, today, rules, taken);
    }
    return canStartOn(day, today, rules, taken);
  }

  function pick(day: string) {
    setRange((current) =>
      current.start && !current.end && day >= current.start && canEndOn(current.start, day, rules, taken)
        ? { start: current.start, end: day }
        : { start: day, end: "" },
    );
  }

  return (
    <>
      <section aria-labelledby="availability-heading" className="flex flex-col gap-3">
        <h2 id="availability-heading" className="text-lg font-semibold">
          When it&apos;s free
        </h2>
        {words.length > 0 && (
          <ul aria-label="The owner's rules" className="flex flex-col gap-1 text-sm text-stone-800">
            {words.map((line) => (
              <li key={line} className="flex gap-2">
                <span aria-hidden="true" className="text-brand-700">
                  •
                </span>
                {line}
              </li>
            ))}
          </ul>
        )}
        {canBorrow && (
          <p className="text-sm text-stone-700">
            Pick the first day, then the last day you need it. Taken days can&apos;t be picked.
          </p>
        )}
        <AvailabilityCalendar
          month={month}
          firstMonth={monthOf(today)}
          lastMonth={monthOf(dateWindow.to)}
          onMonthChange={setMonth}
          today={today}
          taken={taken}
          loading={availability.isPending}
          picker={canBorrow ? { canPick, onPick: pick, start: range.start, end: range.end } : undefined}
        />
        {availability.isError && (
          <p role="alert" className="text-sm text-red-700">
            We couldn&apos;t load the taken days. {availability.error.message}
          </p>
        )}
        {children}
      </section>
      <div className="border-t border-stone-100 pt-5">
        <h2 className="mb-4 text-lg font-semibold">Borrow it</h2>
        <BorrowSection
          item={item}
          paused={rules.paused}
          picker={{ range, onRangeChange: setRange, rules, taken, today }}
        />
      </div>
    </>
  );
}

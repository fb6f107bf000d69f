"use client";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { DateRange } from "@sharehood/sdk/contract";
import { cx } from "@sharehood/ui/cx";
import { addDays, isTaken } from "@/features/items/borrow-rules";
import { monthBounds, monthName, monthOf, monthWeeks, shiftMonth } from "@/features/items/calendar-month";
import { formatDate } from "@/features/items/dates";

const WEEKDAYS = [
  ["Mo", "Monday"],
  ["Tu", "Tuesday"],
  ["We", "Wednesday"],
  ["Th", "Thursday"],
  ["Fr", "Friday"],
  ["Sa", "Saturday"],
  ["Su", "Sunday"],
] as const;

/** Props of `AvailabilityCalendar`. */
export interface AvailabilityCalendarProps {
  /** The month shown (`YYYY-MM`) and the bounds of the months one may go to. */
  month: string;
  firstMonth: string;
  lastMonth: string;
  onMonthChange: (month: string) => void;
  today: string;
  /** Days the item cannot be borrowed (loans and the owner's blocked days), never by whom. */
  taken: readonly DateRange[];
  /** Set while the taken days are being read: the grid says so instead of "free". */
  loading?: boolean;
  /**
   * With these, the calendar is the borrow form's date picker: a day is pressed to pick it, and
   * days `canPick` refuses are shown but cannot be picked.
   */
  picker?: {
    canPick: (day: string) => boolean;
    onPick: (day: string) => void;
    start: string;
    end: string;
  };
}

/**
 * A month of the item's availability as an ARIA grid: arrow keys move a day or a week, Page Up
 * and Page Down a month, Home and End to the week's ends; only the focused day is in the Tab
 * order. Each day is read with its date and whether it is taken. As the date picker, Enter or
 * Space picks the focused day.
 */
export function AvailabilityCalendar({
  month,
  firstMonth,
  lastMonth,
  onMonthChange,
  today,
  taken,
  loading,
  picker,
}: AvailabilityCalendarProps) {
  const headingId = useId();
  const grid = useRef<HTMLTableElement>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const { first } = monthBounds(month);
  // The day that takes Tab: the one last focused if it is in this month, else today or the 1st.
  const active = focused && monthOf(focused) === month ? focused : monthOf(today) === month ? today : first;

  function focusDay(day: string) {
    const target = monthOf(day);
    if (target < firstMonth || target > lastMonth) return;
    setFocused(day);
    if (target !== month) onMonthChange(target);
    // After React has drawn the month the day is in.
    requestAnimationFrame(() => grid.current?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const day = (event.target as HTMLElement).dataset.day;
    if (!day) return;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7)),
      End: () => addDays(day, 6 - ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7)),
      PageUp: () => sameDayIn(shiftMonth(month, -1), day),
      PageDown: () => sameDayIn(shiftMonth(month, 1), day),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    focusDay(move());
  }

  const navButton =
    "inline-flex size-10 items-center justify-center rounded-full text-stone-700 ring-1 ring-stone-300 hover:bg-stone-100 disabled:opacity-40 disabled:hover:bg-transparent";

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          className={navButton}
          onClick={() => onMonthChange(shiftMonth(month, -1))}
          disabled={month <= firstMonth}
          aria-label="Previous month"
        >
          <span aria-hidden="true">‹</span>
        </button>
        <h3 id={headingId} className="text-base font-semibold text-stone-900" aria-live="polite">
          {monthName(month)}
        </h3>
        <button
          type="button"
          className={navButton}
          onClick={() => onMonthChange(shiftMonth(month, 1))}
          disabled={month >= lastMonth}
          aria-label="Next month"
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table
        ref={grid}
        role="grid"
        aria-labelledby={headingId}
        aria-busy={loading || undefined}
        onKeyDown={onKeyDown}
        className="w-full table-fixed border-separate border-spacing-0.5 text-center text-sm"
      >
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={long} scope="col" abbr={long} className="pb-1 text-xs font-semibold text-stone-600">
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((day, index) =>
                day ? (
                  <DayCell
                    key={day}
                    day={day}
                    today={today}
                    taken={isTaken(day, taken)}
                    loading={loading}
                    tabbable={day === active}
                    picker={picker}
                    onFocus={() => setFocused(day)}
                  />
                ) : (
                  <td key={`blank-${index}`} aria-hidden="true" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700" aria-label="Key">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-sm bg-white ring-1 ring-stone-300" /> Free
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-sm bg-amber-200 ring-1 ring-amber-400" /> Taken
        </li>
        {picker && (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="size-3 rounded-sm bg-brand-700" /> Your dates
          </li>
        )}
      </ul>
    </div>
  );
}

/** The same day of the month in another month, or its last day ("31 Jan" → "28 Feb"). */
function sameDayIn(month: string, day: string): string {
  const { last } = monthBounds(month);
  const wanted = `${month}-${day.slice(8)}`;
  return wanted > last ? last : wanted;
}

function DayCell({
  day,
  today,
  taken,
  loading,
  tabbable,
  picker,
  onFocus,
}: {
  day: string;
  today: string;
  taken: boolean;
  loading: boolean | undefined;
  tabbable: boolean;
  picker: AvailabilityCalendarProps["picker"];
  onFocus: () => void;
}) {
  const past = day < today;
  const status = past ? "past" : loading ? "loading" : taken ? "taken" : "free";
  const pickable = picker ? picker.canPick(day) : false;
  const selected = picker ? day === picker.start || day === picker.end : false;
  const inRange = picker ? !!picker.start && !!picker.end && picker.start < day && day < picker.end : false;
  const label = `${formatDate(day)}, ${status}${selected ? ", chosen" : ""}${picker && !pickable && !selected && status === "free" ? ", not available for your dates" : ""}`;
  const look = cx(
    "flex aspect-square w-full min-w-0 items-center justify-center rounded-lg text-sm outline-offset-1 focus-visible:outline-2 focus-visible:outline-brand-600",
    day === today && "font-bold underline",
    selected
      ? "bg-brand-700 font-semibold text-white"
      : inRange
        ? "bg-brand-100 text-brand-900"
        : taken && !past
          ? "bg-amber-200 text-amber-950 line-through ring-1 ring-amber-400"
          : past
            ? "text-stone-400"
            : "bg-white text-stone-900 ring-1 ring-stone-200",
    picker && !pickable && !selected && "cursor-not-allowed",
    picker && pickable && !selected && "hover:bg-brand-50",
  );
  const text = Number(day.slice(8));
  if (!picker) {
    return (
      <td
        data-day={day}
        tabIndex={tabbable ? 0 : -1}
        aria-label={label}
        onFocus={onFocus}
        className="p-0 outline-none focus-visible:[&>span]:outline-2 focus-visible:[&>span]:outline-brand-600"
      >
        <span aria-hidden="true" className={look}>
          {text}
        </span>
      </td>
    );
  }
  return (
    <td aria-selected={selected} className="p-0">
      <button
        type="button"
        data-day={day}
        tabIndex={tabbable ? 0 : -1}
        aria-label={label}
        aria-disabled={!pickable || undefined}
        onFocus={onFocus}
        onClick={() => {
          if (pickable) picker.onPick(day);
        }}
        className={look}
      >
        {text}
      </button>
    </td>
  );
}

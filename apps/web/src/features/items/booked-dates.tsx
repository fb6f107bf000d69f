import type { ItemDetail } from "@sharehood/sdk/contract";
import { formatRange } from "@/features/items/dates";

/** The ranges already booked (approved or lent out), so borrowers can pick free dates. */
export function BookedDates({ bookings }: { bookings: ItemDetail["bookings"] }) {
  return (
    <section aria-labelledby="booked-heading" className="flex flex-col gap-2">
      <h2 id="booked-heading" className="text-sm font-semibold text-stone-900">
        Already booked
      </h2>
      {bookings.length === 0 ? (
        <p className="text-sm text-stone-600">No bookings yet — every date is free.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {bookings.map((booking) => (
            <li
              key={`${booking.startDate}-${booking.endDate}`}
              className="rounded-full bg-amber-50 px-3 py-1 text-sm font-medium text-amber-900 ring-1 ring-amber-200"
            >
              {formatRange(booking.startDate, booking.endDate)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const DAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * `2026-12-03` as `Thu, 3 Dec 2026`, for what people read: refusals, notifications, emails. Loan
 * dates are calendar dates, read in UTC.
 */
export const formatDay = (date: string): string => DAY.format(new Date(`${date}T00:00:00Z`));

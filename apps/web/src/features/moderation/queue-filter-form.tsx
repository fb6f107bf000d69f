import { buttonStyles } from "@sharehood/ui/button";
import { SelectField } from "@sharehood/ui/select-field";
import type { QueueFilters } from "@/features/moderation/queue-filters";

const STATUS_OPTIONS = [
  { value: "open", label: "Open, oldest first" },
  { value: "resolved", label: "Handled, newest first" },
];
const TYPE_OPTIONS = [
  { value: "", label: "Anything" },
  { value: "item", label: "Items" },
  { value: "user", label: "People" },
  { value: "message", label: "Messages" },
];

/**
 * The queue's filters: a plain GET form, so they are the page's URL (a reload or a shared link
 * shows the same queue) and work before any script has loaded.
 */
export function QueueFilterForm({ filters }: { filters: QueueFilters }) {
  return (
    <form
      method="get"
      action="/admin/reports"
      aria-label="Filter reports"
      className="flex flex-col gap-4 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:flex-row sm:items-end sm:p-6"
    >
      <SelectField
        name="status"
        label="Reports"
        options={STATUS_OPTIONS}
        defaultValue={filters.status}
        className="sm:w-60"
      />
      <SelectField
        name="type"
        label="About"
        options={TYPE_OPTIONS}
        defaultValue={filters.type ?? ""}
        className="sm:w-48"
      />
      <button type="submit" className={buttonStyles("primary", "md", "sm:mb-px")}>
        Show reports
      </button>
    </form>
  );
}

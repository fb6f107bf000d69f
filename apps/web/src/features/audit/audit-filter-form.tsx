import Link from "next/link";
import { buttonStyles } from "@sharehood/ui/button";
import { SelectField } from "@sharehood/ui/select-field";
import { TextField } from "@sharehood/ui/text-field";
import type { AuditFilters } from "@/features/audit/audit-filters";
import { AUDIT_ACTION_TEXT } from "@/features/audit/audit-text";

const ACTION_OPTIONS = [
  { value: "", label: "Any action" },
  ...Object.entries(AUDIT_ACTION_TEXT).map(([value, label]) => ({ value, label })),
];

/**
 * The audit log's filters: a plain GET form, so they are the page's URL (a reload or a shared
 * link shows the same entries) and work before any script has loaded.
 */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-labelledby="audit-filters-heading"
      className="flex flex-col gap-4 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6"
    >
      <h2 id="audit-filters-heading" className="text-lg font-semibold">
        Find entries
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          name="action"
          label="Action"
          options={ACTION_OPTIONS}
          defaultValue={filters.action ?? ""}
        />
        <TextField
          name="admin"
          label="Admin"
          hint="A name or an email address."
          defaultValue={filters.admin}
          autoComplete="off"
        />
        <TextField
          name="subject"
          label="Subject"
          hint="The reference of a person, item, loan or report, or a link to it."
          defaultValue={filters.subject}
          error={
            filters.subjectInvalid
              ? "Enter a reference, or a link to the page of what you look for."
              : undefined
          }
          autoComplete="off"
        />
        <TextField name="from" type="date" label="From" defaultValue={filters.from} />
        <TextField name="to" type="date" label="To (included)" defaultValue={filters.to} />
      </div>
      {/* An admin chosen from a list stays chosen while the other filters change. */}
      {filters.actorId && !filters.admin && <input type="hidden" name="actor" value={filters.actorId} />}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonStyles("primary")}>
          Show entries
        </button>
        <Link href="/admin/audit" className={buttonStyles("ghost")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}

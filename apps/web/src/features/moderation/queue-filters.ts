import { REPORT_STATUSES, REPORT_SUBJECT_TYPES, type Report } from "@sharehood/sdk/contract";

/**
 * The moderation queue's filters, as they stand in the page's URL: `status` (open, the default,
 * or resolved), `type` (what was reported) and `cursor` (the page). `done` is the action an admin
 * just took, for the status message at the top.
 */
export interface QueueFilters {
  status: Report["status"];
  type: Report["subjectType"] | null;
  cursor: string | null;
  done: NonNullable<Report["resolution"]>["action"] | null;
}

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, key: string) => {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
};

function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The filters of the page's search params; anything malformed is left out. */
export function queueFiltersFrom(params: Params): QueueFilters {
  const cursor = one(params, "cursor");
  return {
    status: oneOf(REPORT_STATUSES, one(params, "status")) ?? "open",
    type: oneOf(REPORT_SUBJECT_TYPES, one(params, "type")),
    cursor: cursor && cursor.length <= 500 ? cursor : null,
    done: oneOf(["dismiss", "hide_item", "suspend_user"] as const, one(params, "done")),
  };
}

/** The queue's URL for filters, with some changed (`null` drops one); a new filter starts at page one. */
export function queueHref(filters: QueueFilters, changes: Partial<QueueFilters> = {}): string {
  const next = { ...filters, cursor: null, done: null, ...changes };
  const params = new URLSearchParams();
  if (next.status !== "open") params.set("status", next.status);
  if (next.type) params.set("type", next.type);
  if (next.cursor) params.set("cursor", next.cursor);
  if (next.done) params.set("done", next.done);
  const query = params.toString();
  return query ? `/admin/reports?${query}` : "/admin/reports";
}

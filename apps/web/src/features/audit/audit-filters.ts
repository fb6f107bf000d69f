import { AUDIT_ACTIONS, IdSchema, type AuditAction } from "@sharehood/sdk/contract";

/**
 * The audit log's filters as they stand in the page's URL: `action`, `admin` (a name or email
 * still to be found) or `actor` (an admin's id), `subject` (the id of whatever was acted on), and
 * `from` / `to` (days, both included).
 */
export interface AuditFilters {
  action: AuditAction | null;
  admin: string;
  actorId: string | null;
  /** The subject field as typed (a reference or a pasted link); `subjectId` is what it names. */
  subject: string;
  subjectId: string;
  from: string;
  to: string;
  /** What was typed in the subject field is not an id. */
  subjectInvalid: boolean;
}

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, key: string) => {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The filters of the page's search params; anything malformed is left out. */
export function auditFiltersFrom(params: Params): AuditFilters {
  const action = one(params, "action");
  const actorId = one(params, "actor");
  const subject = one(params, "subject").slice(0, 300);
  // A pasted link names its subject by its last path segment.
  const subjectId = subject.split(/[?#]/, 1)[0]?.split("/").filter(Boolean).pop() ?? "";
  const from = one(params, "from");
  const to = one(params, "to");
  return {
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : null,
    admin: one(params, "admin").slice(0, 100),
    actorId: IdSchema.safeParse(actorId).success ? actorId : null,
    subject,
    subjectId: subject && IdSchema.safeParse(subjectId).success ? subjectId : "",
    subjectInvalid: subject !== "" && !IdSchema.safeParse(subjectId).success,
    from: isDay(from) ? from : "",
    to: isDay(to) ? to : "",
  };
}

/** The day after `day` (`YYYY-MM-DD`). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The `GET /admin/audit-log` query for filters once the admin is known, as plain strings (it goes
 * into a URL of the app's own route for the next pages too). Days are whole UTC days: `to` is
 * included, so the query asks for entries before the next day.
 */
export function auditQueryFor(filters: AuditFilters, actorId: string | null): Record<string, string> {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(actorId ? { actorId } : {}),
    ...(filters.subjectId ? { subjectId: filters.subjectId } : {}),
    ...(filters.from ? { from: `${filters.from}T00:00:00.000Z` } : {}),
    ...(filters.to ? { to: `${nextDay(filters.to)}T00:00:00.000Z` } : {}),
  };
}

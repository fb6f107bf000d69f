import type { AuditAction, AuditEntry } from "@sharehood/sdk/contract";

/** Each admin action in plain words, in the order the filter offers them. */
export const AUDIT_ACTION_TEXT: Record<AuditAction, string> = {
  "user.role_changed": "Changed a role",
  "user.deleted": "Deleted an account",
  "user.suspended": "Suspended an account",
  "user.unsuspended": "Lifted a suspension",
  "item.updated": "Edited an item",
  "item.deleted": "Removed an item",
  "item.hidden": "Hid an item",
  "loan.cancelled": "Cancelled a loan",
  "report.dismissed": "Dismissed a report",
};

const SUBJECT_WORD: Record<AuditEntry["subject"]["type"], string> = {
  user: "Person",
  item: "Item",
  loan: "Loan",
  report: "Report",
};

/** Where an entry's subject can be looked at (it may be gone since). */
export function subjectHref(subject: AuditEntry["subject"]): string {
  switch (subject.type) {
    case "user":
      return `/people/${subject.id}`;
    case "item":
      return `/items/${subject.id}`;
    case "loan":
      return `/loans/${subject.id}`;
    case "report":
      return `/admin/reports/${subject.id}`;
  }
}

/** "Item “Cordless drill”", "Loan" when it has no label. */
export function subjectText(subject: AuditEntry["subject"]): string {
  const word = SUBJECT_WORD[subject.type];
  if (!subject.label) return word;
  return subject.type === "item" ? `${word} “${subject.label}”` : `${word} ${subject.label}`;
}

import type { Metadata } from "next";
import Link from "next/link";
import { ListAuditLogQuerySchema, type AuditEntry, type Page, type SharehoodClient } from "@sharehood/sdk";
import { Alert } from "@sharehood/ui/alert";
import { AdminTabs } from "@/features/admin/admin-tabs";
import { AuditFilterForm } from "@/features/audit/audit-filter-form";
import { auditFiltersFrom, auditQueryFor, type AuditFilters } from "@/features/audit/audit-filters";
import { AuditLogList } from "@/features/audit/audit-log-list";
import { AUDIT_PAGE_SIZE } from "@/features/audit/queries";
import { PageHeading } from "@/features/layout/page-heading";
import { failureFrom } from "@/server/action-result";
import { getUserClient, requirePermission } from "@/server/session";

export const metadata: Metadata = {
  title: "Admin · Audit log",
  description: "Every admin action: who did what, when and why. Read only.",
  robots: { index: false },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

type AdminMatch =
  | { kind: "any" }
  | { kind: "one"; id: string }
  | { kind: "many"; people: { id: string; name: string; email: string }[] }
  | { kind: "nobody" };

// The admin typed by name or email: the User API's search, a handful of matches; an exact email
// wins over the others.
async function findAdmin(client: SharehoodClient, filters: AuditFilters): Promise<AdminMatch> {
  if (!filters.admin) return filters.actorId ? { kind: "one", id: filters.actorId } : { kind: "any" };
  const { items } = await client.users.list({ query: { q: filters.admin, limit: 8 } });
  const exact = items.find((user) => user.email.toLowerCase() === filters.admin.toLowerCase());
  const found = exact ? [exact] : items;
  if (found.length === 0) return { kind: "nobody" };
  if (found.length > 1)
    return { kind: "many", people: found.map(({ id, name, email }) => ({ id, name, email })) };
  return { kind: "one", id: found[0]!.id };
}

type Loaded =
  { error: string } | { admin: AdminMatch; query?: Record<string, string>; firstPage?: Page<AuditEntry> };

async function loadLog(filters: AuditFilters): Promise<Loaded> {
  const session = await getUserClient();
  if (!session) return { error: "Your session has ended. Please sign in again." };
  try {
    const admin = await findAdmin(session.client, filters);
    if (admin.kind === "many" || admin.kind === "nobody") return { admin };
    const query = auditQueryFor(filters, admin.kind === "one" ? admin.id : null);
    const firstPage: Page<AuditEntry> = await session.client.audit.list({
      query: ListAuditLogQuerySchema.parse({ ...query, limit: AUDIT_PAGE_SIZE }),
    });
    return { admin, query, firstPage };
  } catch (error) {
    return { error: failureFrom(error).message };
  }
}

function hrefWith(params: Record<string, string>): string {
  return `/admin/audit?${new URLSearchParams(params).toString()}`;
}

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("audit.read");
  const filters = auditFiltersFrom(await searchParams);
  const loaded = await loadLog(filters);
  const admin = "admin" in loaded ? loaded.admin : null;
  const kept = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.subjectId ? { subject: filters.subjectId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  return (
    <div>
      <PageHeading title="Admin" intro="Look after the community: people, listings and loans." />
      <AdminTabs current="/admin/audit" />
      <div className="flex flex-col gap-6">
        {/* Keyed on the filters, so that following a link here shows its values in the fields. */}
        <AuditFilterForm key={JSON.stringify(filters)} filters={filters} />
        <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
          <h2 id="audit-heading" className="text-lg font-semibold">
            Admin actions, newest first
          </h2>
          <p className="text-sm text-stone-700">
            Every change an admin makes is written here, with who, when and why. Nobody can edit or delete an
            entry.
          </p>
          {"error" in loaded && (
            <Alert tone="error" title="We couldn't load the audit log">
              {loaded.error}
            </Alert>
          )}
          {admin?.kind === "nobody" && <Alert tone="warning">No one matches “{filters.admin}”.</Alert>}
          {admin?.kind === "many" && (
            <div
              role="status"
              className="rounded-2xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900"
            >
              <p className="font-semibold">Several people match “{filters.admin}”. Which one?</p>
              <ul className="mt-2 flex flex-col gap-1">
                {admin.people.map((person) => (
                  <li key={person.id}>
                    <Link href={hrefWith({ ...kept, actor: person.id })} className="font-semibold underline">
                      {person.name}
                    </Link>{" "}
                    ({person.email})
                  </li>
                ))}
              </ul>
            </div>
          )}
          {"query" in loaded && loaded.query && (
            <AuditLogList
              key={JSON.stringify(loaded.query)}
              query={loaded.query}
              initialPage={loaded.firstPage}
            />
          )}
        </section>
      </div>
    </div>
  );
}

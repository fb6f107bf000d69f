import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AuditEntry, Page } from "@sharehood/sdk/contract";
import { fetchJson } from "@/features/layout/fetch-json";

/** Entries of the audit log per page. */
export const AUDIT_PAGE_SIZE = 25;

/**
 * The audit log for some filters (the API's query, as strings), newest first, page after page
 * through the app's own /api/admin/audit; the page rendered on the server seeds the first.
 */
export function auditLogQuery(query: Record<string, string>, initialPage?: Page<AuditEntry>) {
  return infiniteQueryOptions({
    queryKey: ["admin", "audit", query] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<AuditEntry>>(
        `/api/admin/audit?${new URLSearchParams({
          ...query,
          limit: String(AUDIT_PAGE_SIZE),
          ...(pageParam ? { cursor: pageParam } : {}),
        }).toString()}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}

/** What a refused page was, read from its path: the forbidden page words its answer after it. */
export type Refusal =
  { kind: "admin" } | { kind: "loan" } | { kind: "item-edit"; itemId: string } | { kind: "other" };

/** The refusal a page path stands for (path and query, as the proxy passes it on). */
export function refusalFor(path: string): Refusal {
  const pathname = path.split(/[?#]/, 1)[0] ?? "";
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return { kind: "admin" };
  if (/^\/loans\/[^/]+\/?$/.test(pathname)) return { kind: "loan" };
  const edit = /^\/items\/([^/]+)\/edit\/?$/.exec(pathname);
  if (edit?.[1]) return { kind: "item-edit", itemId: decodeURIComponent(edit[1]) };
  return { kind: "other" };
}

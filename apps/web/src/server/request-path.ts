/**
 * The header the proxy puts the page's own path on (path and query, without Next's `_rsc`), for
 * the server code that needs it and is not handed it: layouts that send a signed-out person to
 * sign-in and back, and the forbidden page saying what was refused. scripts/server.mjs drops every
 * `x-sharehood-*` header a client sends, so only the proxy sets it.
 */
export const REQUEST_PATH_HEADER = "x-sharehood-request-path";

/** A URL's path and query as the page sees it: Next's `_rsc` cache-buster left out. */
export function pagePathOf(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete("_rsc");
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/**
 * Set by the page cache (scripts/page-cache.mjs) on the requests it sends Next.js for a page that
 * everyone gets, signed in or not: the root layout then leaves the person's own parts to the
 * browser (features/layout/viewer.tsx).
 */
export const SHARED_RENDER_HEADER = "x-sharehood-shared-render";

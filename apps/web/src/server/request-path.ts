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

/**
 * Set by the page cache on the requests it sends Next.js for a person's own page it may keep for
 * their session (the Borrowing list), to an id of that render. The proxy answers PAGE_OWNER_HEADER;
 * a page that could not read all it shows names the render so that it is not kept
 * (personal-render.ts).
 */
export const PERSONAL_RENDER_HEADER = "x-sharehood-personal-render";

/**
 * The proxy's answer to PERSONAL_RENDER_HEADER, on the response: `<person id> <ms since the epoch
 * until which the session needs no refresh>`. The page cache removes it before the response goes
 * out.
 */
export const PAGE_OWNER_HEADER = "x-sharehood-page-owner";

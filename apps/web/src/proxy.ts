// Runs before every page, server action and route handler. next-auth reads the session here and,
// when the API access token is about to expire, refreshes it (see token-refresh.ts) and writes the
// new encrypted cookie on this response: server components cannot set cookies, the proxy can.
export { auth as proxy } from "@/auth";

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml).*)"],
};

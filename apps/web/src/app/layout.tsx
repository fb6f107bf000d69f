import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/features/layout/providers";
import { SiteFooter } from "@/features/layout/site-footer";
import { SiteHeader } from "@/features/layout/site-header";
import { getEnv } from "@/env";
import type { ServerViewer } from "@/features/layout/viewer";
import { SHARED_RENDER_HEADER } from "@/server/request-path";
import { getViewer } from "@/server/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    // Canonical links are absolute: on the public origin (AUTH_URL), else on the request's own.
    metadataBase: await siteOrigin(),
    title: { default: "Sharehood — borrow what your neighbours own", template: "%s · Sharehood" },
    description:
      "Sharehood is a neighbourhood sharing marketplace: borrow drills, tents, projectors and more from people nearby, and lend what you own.",
    applicationName: "Sharehood",
  };
}

async function siteOrigin(): Promise<URL | null> {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured);
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host");
  const protocol = request.get("x-forwarded-proto") === "https" ? "https" : "http";
  // A Host header that is not a host (the client's word, not ours) gets no canonical origin.
  return host && URL.canParse(`${protocol}://${host}`) ? new URL(`${protocol}://${host}`) : null;
}

export const viewport: Viewport = { themeColor: "#047857", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts),
  // and a page prerendered at build time would have none and not run.
  await connection();
  // A page every visitor shares (the page cache asked for it) is for nobody in particular.
  const viewer: ServerViewer = (await headers()).has(SHARED_RENDER_HEADER)
    ? { shared: true }
    : { viewer: await getViewer() };
  return (
    // The page cache marks <html> for a signed-in visitor of a shared page (data-session).
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-dvh flex-col font-sans">
        <a
          href="#main"
          className="sr-only z-50 rounded-full bg-brand-700 px-4 py-2 font-semibold text-white focus:not-sr-only focus:fixed focus:left-4 focus:top-3"
        >
          Skip to content
        </a>
        <Providers viewer={viewer}>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}

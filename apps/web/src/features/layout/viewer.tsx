"use client";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { Viewer } from "@/server/session-token";

/**
 * What the root layout knows of the person: the viewer or null when the page was rendered for
 * them, or "shared" when it is the page every visitor gets (scripts/page-cache.mjs), which leaves
 * the person's own parts to the browser. An object, so each render of the layout (a full load,
 * a sign-in, a refresh) is a new value even when the page is shared again.
 */
export type ServerViewer = { viewer: Viewer | null } | { shared: true };

/** The viewer; null when nobody is signed in; undefined while a shared page is still asking. */
export type ViewerState = Viewer | null | undefined;

/** The attribute the page cache puts on <html> when a session cookie came with the request (SESSION_MARK in scripts/page-cache.mjs). */
export const SESSION_MARK = "data-session";

const ViewerContext = createContext<ViewerState>(null);

/**
 * Gives the page the person it is for. On a shared page that came with a session cookie it asks
 * /api/viewer once; until the answer is in, the signed-out controls stay hidden (globals.css), so
 * a signed-in person never sees "Sign in" flash by.
 */
export function ViewerProvider({ from, children }: { from: ServerViewer; children: ReactNode }) {
  const [asked, setAsked] = useState<ViewerState>(undefined);
  // The page's first layout: the mark tells whether to ask. A later one (after signing in, or a
  // refresh) may follow a change of session that no mark shows: it always asks.
  const firstLayout = useRef(true);
  useEffect(() => {
    const first = firstLayout.current;
    firstLayout.current = false;
    if (!("shared" in from)) {
      document.documentElement.removeAttribute(SESSION_MARK);
      return;
    }
    let live = true;
    const settle = (viewer: Viewer | null) => {
      if (!live) return;
      setAsked(viewer);
      if (!viewer) document.documentElement.removeAttribute(SESSION_MARK);
    };
    if (first && !document.documentElement.hasAttribute(SESSION_MARK)) settle(null);
    else
      void fetch("/api/viewer", { cache: "no-store" })
        .then((res) => (res.ok ? (res.json() as Promise<Viewer | null>) : null))
        .catch(() => null)
        .then(settle);
    return () => {
      live = false;
    };
  }, [from]);
  const value = "shared" in from ? asked : from.viewer;
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

/** The person the page is for (see ViewerState). */
export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}

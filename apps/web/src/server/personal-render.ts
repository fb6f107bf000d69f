import "server-only";
import { headers } from "next/headers";
import { PERSONAL_RENDER_HEADER } from "@/server/request-path";

// Read by the page cache (scripts/page-cache.mjs), which runs in the same process.
const UNKEPT_RENDERS = Symbol.for("sharehood.web.unkept-renders");
const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;

/**
 * Asks the page cache not to keep this render of a person's own page: part of it could not be
 * read (an API did not answer), and the next visit should try again rather than get the gap.
 * Nothing happens outside such a render.
 */
export async function keepNotThisRender(): Promise<void> {
  const render = (await headers()).get(PERSONAL_RENDER_HEADER);
  if (render) (holder[UNKEPT_RENDERS] ??= new Set()).add(render);
}

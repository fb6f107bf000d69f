import type { ReactNode } from "react";
import { requireViewer } from "@/server/session";

/**
 * The layout of a section for signed-in people that has a loading.tsx: it sends a signed-out
 * person to sign-in from above the loading state, before anything streams, so the answer is a
 * real 307 (under a loading.tsx the redirect would come inside a 200).
 */
export async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireViewer();
  return children;
}

"use client";
import { MutationCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { leaveSuspendedSession, SUSPENDED_MESSAGE } from "@/features/auth/suspension";
import { ViewerProvider, type ServerViewer } from "@/features/layout/viewer";

/**
 * React Query for the whole app (server-rendered data seeds it; it takes over from there), and the
 * person the page is for.
 */
export function Providers({ viewer, children }: { viewer: ServerViewer; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
        },
        // Mutations run server actions, whose refusals arrive as their message: a suspended
        // account's ends the session (fetchJson and useFormAction see the code itself).
        mutationCache: new MutationCache({
          onError: (error) => {
            if (error.message === SUSPENDED_MESSAGE) leaveSuspendedSession();
          },
        }),
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ViewerProvider from={viewer}>{children}</ViewerProvider>
    </QueryClientProvider>
  );
}

"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
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
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ViewerProvider from={viewer}>{children}</ViewerProvider>
    </QueryClientProvider>
  );
}

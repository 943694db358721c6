"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

// One client per browser tab; created in state so a re-render never discards the cache.
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 1_000 } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

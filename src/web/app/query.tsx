/**
 * The console's server state: one TanStack Query client for the whole shell. Pages read with `useQuery` (from
 * @tanstack/react-query) calling the typed client in ./api through `unwrap`, so a failed query's `error` is the
 * ApiError (status, server code, localized message). Query keys are arrays that name everything the query
 * function reads — and the UI language wherever the answer carries server-localized text, so a language switch
 * fetches it again.
 */
import { keepPreviousData, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ApiError } from './api';

declare module '@tanstack/react-query' {
  interface Register {
    // every query function goes through unwrap/postFile/downloadFile, which throw ApiError only
    defaultError: ApiError;
  }
}

/** The shell's defaults: the behaviour of the console's former hand-written hook, kept. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // while the next key loads, the previous answer stays (tables keep their rows between pages)
        placeholderData: keepPreviousData,
        // a query no view shows is dropped at once: a page opened again fetches afresh and never shows what
        // it showed on its last visit (a module may opt into caching with its own gcTime/staleTime)
        gcTime: 0,
        // a failure is shown as it is (401 sends the user to the login page; 403/404 are answers)
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

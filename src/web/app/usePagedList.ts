import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  pagedTo,
  parseListState,
  writeListState,
  type FilterSpec,
  type Filters,
  type ListOptions,
  type ListState,
} from './list-state';

export interface PagedListConfig<S extends FilterSpec, T> extends ListOptions {
  /** What names the list besides its state (e.g. ['users'], plus the language if answers are localized). */
  queryKey: QueryKey;
  /** Which URL parameters are this list's filters, and how each is written (a module-level constant). */
  filters: S;
  /** Fetch one page for a state. */
  queryFn: (state: ListState<S>) => Promise<T>;
}

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (e.g. while typing a search). */
  replace?: boolean;
}

/**
 * A server-paged list: page, page size, search text and filters kept in the URL query string, fed to a TanStack
 * query (the previous page's rows stay while the next loads). A new search or filter goes back to page 1.
 * Bind the pager with <PagedTable list={…}>.
 */
export function usePagedList<S extends FilterSpec, T>(config: PagedListConfig<S, T>) {
  const { queryKey, filters: spec, queryFn, pageSize, pageSizes } = config;
  const [searchParams, setSearchParams] = useSearchParams();
  const options = useMemo(() => ({ pageSize, pageSizes }), [pageSize, pageSizes]);
  const state = useMemo(() => parseListState(searchParams, spec, options), [searchParams, spec, options]);
  const query = useQuery({
    queryKey: [...queryKey, state],
    queryFn: () => queryFn(state),
  });
  const navigateTo = useCallback(
    (change: (old: ListState<S>) => ListState<S>, how: NavigateOptions = {}) =>
      setSearchParams(
        (prev) => writeListState(prev, change(parseListState(prev, spec, options)), spec, options),
        how.replace ? { replace: true } : undefined,
      ),
    [setSearchParams, spec, options],
  );
  const setSearch = useCallback(
    (q: string, how?: NavigateOptions) => navigateTo((old) => ({ ...old, q: q.trim(), page: 1 }), how),
    [navigateTo],
  );
  const setFilter = useCallback(
    <N extends keyof S>(name: N, value: Filters<S>[N], how?: NavigateOptions) =>
      navigateTo((old) => ({ ...old, filters: { ...old.filters, [name]: value }, page: 1 }), how),
    [navigateTo],
  );
  const setFilters = useCallback(
    (patch: Partial<Filters<S>>, how?: NavigateOptions) =>
      navigateTo((old) => ({ ...old, filters: { ...old.filters, ...patch }, page: 1 }), how),
    [navigateTo],
  );
  const setPaging = useCallback(
    (page: number, size: number) => navigateTo((old) => pagedTo(old, page, size)),
    [navigateTo],
  );
  return { ...state, query, setSearch, setFilter, setFilters, setPaging };
}

/** What a pager needs of a paged list (PagedTable). */
export interface PagedListPager {
  page: number;
  pageSize: number;
  setPaging: (page: number, pageSize: number) => void;
  query: { isFetching: boolean };
}

/**
 * A server-paged list's state in the URL query string (page, pageSize, q and the list's filters), so a list view
 * can be shared and the back button steps through it. Pure (no DOM): usePagedList binds it to the router.
 * Values at their defaults are left out, so an untouched list keeps its bare URL; parameters the list does not
 * own are kept as they are.
 */

/** How a filter sits in the URL: one value, a repeated parameter, or a flag (`name=1`). */
export type FilterKind = 'string' | 'list' | 'flag';
export type FilterSpec = Record<string, FilterKind>;
export type FilterValue<K extends FilterKind> = K extends 'string'
  ? string | undefined
  : K extends 'list'
    ? string[]
    : boolean;
export type Filters<S extends FilterSpec> = { [N in keyof S]: FilterValue<S[N]> };

export interface ListState<S extends FilterSpec> {
  page: number;
  pageSize: number;
  q: string;
  filters: Filters<S>;
}

export interface ListOptions {
  /** Default 20. */
  pageSize?: number;
  /** The sizes a URL may ask for (anything else falls back to the default); default 10, 20, 50, 100. */
  pageSizes?: readonly number[];
}

export const PAGE_SIZES: readonly number[] = [10, 20, 50, 100];

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^[1-9]\d{0,8}$/.test(text)) return undefined;
  return Number(text);
}

function emptyValue(kind: FilterKind): string | string[] | boolean | undefined {
  return kind === 'list' ? [] : kind === 'flag' ? false : undefined;
}

/** The list's state out of a query string; anything malformed is read as its default. */
export function parseListState<S extends FilterSpec>(
  search: URLSearchParams,
  spec: S,
  options: ListOptions = {},
): ListState<S> {
  const defaultSize = options.pageSize ?? 20;
  const sizes = options.pageSizes ?? PAGE_SIZES;
  const size = positiveInt(search.get('pageSize'));
  const filters: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    if (kind === 'list') filters[name] = search.getAll(name).filter((v) => v !== '');
    else if (kind === 'flag') filters[name] = search.get(name) === '1' || search.get(name) === 'true';
    else filters[name] = search.get(name) || undefined;
  }
  return {
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: size !== undefined && sizes.includes(size) ? size : defaultSize,
    q: (search.get('q') ?? '').trim(),
    filters: filters as Filters<S>,
  };
}

/** `base` with the list's parameters replaced by `state` (defaults left out, other parameters kept). */
export function writeListState<S extends FilterSpec>(
  base: URLSearchParams,
  state: ListState<S>,
  spec: S,
  options: ListOptions = {},
): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const name of ['page', 'pageSize', 'q', ...Object.keys(spec)]) next.delete(name);
  if (state.q) next.set('q', state.q);
  for (const [name, kind] of Object.entries(spec)) {
    const value = (state.filters as Record<string, unknown>)[name];
    if (kind === 'list') for (const v of (value as string[] | undefined) ?? []) next.append(name, v);
    else if (kind === 'flag') {
      if (value === true) next.set(name, '1');
    } else if (typeof value === 'string' && value !== '') next.set(name, value);
  }
  if (state.page > 1) next.set('page', String(state.page));
  if (state.pageSize !== (options.pageSize ?? 20)) next.set('pageSize', String(state.pageSize));
  return next;
}

/** Whether a filter value is its empty default (nothing chosen). */
export function isEmptyFilter(kind: FilterKind, value: unknown): boolean {
  const empty = emptyValue(kind);
  return Array.isArray(value) ? value.length === 0 : value === empty || value === '';
}

/** The next state after the table's pager moved: a new page size goes back to page 1. */
export function pagedTo<S extends FilterSpec>(
  state: ListState<S>,
  page: number,
  pageSize: number,
): ListState<S> {
  return { ...state, page: pageSize === state.pageSize ? page : 1, pageSize };
}

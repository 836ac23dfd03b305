import { describe, expect, it } from 'vitest';
import { isEmptyFilter, pagedTo, parseListState, writeListState } from './list-state';

const SPEC = { status: 'list', within: 'string', overdue: 'flag' } as const;

describe('list state in the URL', () => {
  it('reads an empty query string as the defaults', () => {
    expect(parseListState(new URLSearchParams(''), SPEC)).toEqual({
      page: 1,
      pageSize: 20,
      q: '',
      filters: { status: [], within: undefined, overdue: false },
    });
  });

  it('reads page, size, search and every kind of filter', () => {
    const state = parseListState(
      new URLSearchParams(
        'page=3&pageSize=50&q=%20路灯%20&status=accepted&status=closed&within=110101&overdue=1',
      ),
      SPEC,
    );
    expect(state).toEqual({
      page: 3,
      pageSize: 50,
      q: '路灯',
      filters: { status: ['accepted', 'closed'], within: '110101', overdue: true },
    });
  });

  it('reads malformed values as their defaults', () => {
    const state = parseListState(new URLSearchParams('page=0&pageSize=7&overdue=yes&within='), SPEC);
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(20);
    expect(state.filters.overdue).toBe(false);
    expect(state.filters.within).toBeUndefined();
    expect(parseListState(new URLSearchParams('page=-2&pageSize=abc'), SPEC, { pageSize: 10 })).toMatchObject(
      {
        page: 1,
        pageSize: 10,
      },
    );
    expect(parseListState(new URLSearchParams('pageSize=30'), SPEC, { pageSizes: [15, 30] }).pageSize).toBe(
      30,
    );
  });

  it('writes defaults as nothing, so an untouched list keeps its bare URL', () => {
    const empty = parseListState(new URLSearchParams(''), SPEC);
    expect(writeListState(new URLSearchParams(''), empty, SPEC).toString()).toBe('');
  });

  it('round-trips a state and keeps parameters it does not own', () => {
    const state = {
      page: 2,
      pageSize: 100,
      q: 'a b',
      filters: { status: ['new', 'closed'], within: '110101001', overdue: true },
    };
    const written = writeListState(new URLSearchParams('grid=G1&page=9&status=old'), state, SPEC);
    expect(written.get('grid')).toBe('G1');
    expect(written.getAll('status')).toEqual(['new', 'closed']);
    expect(parseListState(written, SPEC)).toEqual(state);
  });

  it('goes back to page 1 when the page size changes', () => {
    const state = parseListState(new URLSearchParams('page=4'), SPEC);
    expect(pagedTo(state, 5, 20).page).toBe(5);
    expect(pagedTo(state, 5, 50)).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('knows an empty filter', () => {
    expect(isEmptyFilter('list', [])).toBe(true);
    expect(isEmptyFilter('flag', false)).toBe(true);
    expect(isEmptyFilter('string', undefined)).toBe(true);
    expect(isEmptyFilter('string', 'x')).toBe(false);
  });
});

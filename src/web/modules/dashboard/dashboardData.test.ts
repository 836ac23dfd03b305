import { describe, expect, it } from 'vitest';
import {
  classColour,
  defaultTrendBy,
  deltaOf,
  exportUrl,
  formatValue,
  paramsFromSearch,
  queryOf,
  topCategories,
  WORSE_COLOURS,
  type CategoryRow,
  type Figure,
} from './dashboardData';

const figure = (over: Partial<Figure>): Figure => ({
  key: 'k',
  label: 'k',
  unit: 'count',
  value: 0,
  previous: 0,
  numerator: null,
  denominator: null,
  higherIsBetter: null,
  ...over,
});

describe('dashboard figures', () => {
  it('formats by unit: rates as %, hours with one decimal, counts with thousands separators, null as —', () => {
    expect(formatValue(0.8734, 'rate')).toBe('87.3%');
    expect(formatValue(1, 'rate')).toBe('100.0%');
    expect(formatValue(13.25, 'hours')).toBe('13.3');
    expect(formatValue(4, 'hours')).toBe('4.0');
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
    expect(formatValue(null, 'count')).toBe('—');
    expect(formatValue(Number.NaN, 'rate')).toBe('—');
  });

  it('colours a change by whether up is better, in percentage points for rates', () => {
    expect(deltaOf(figure({ unit: 'rate', value: 0.9, previous: 0.85, higherIsBetter: true }))).toEqual({
      direction: 'up',
      text: '5.0pp',
      tone: 'good',
    });
    expect(deltaOf(figure({ value: 42, previous: 30, higherIsBetter: false }))).toEqual({
      direction: 'up',
      text: '12',
      tone: 'bad',
    });
    expect(deltaOf(figure({ unit: 'hours', value: 13, previous: 15, higherIsBetter: false }))?.tone).toBe(
      'good',
    );
    expect(deltaOf(figure({ value: 5, previous: 3, higherIsBetter: null }))?.tone).toBe('neutral');
    expect(
      deltaOf(figure({ unit: 'rate', value: 0.9, previous: 0.90001, higherIsBetter: true })),
    ).toMatchObject({
      direction: 'flat',
      tone: 'neutral',
    });
    expect(deltaOf(figure({ value: null, previous: 3 }))).toBeNull();
    expect(deltaOf(figure({ value: 3, previous: null }))).toBeNull();
  });
});

describe('dashboard parameters', () => {
  it('reads the URL: month by default, a grid before a place, custom only with both dates', () => {
    expect(paramsFromSearch(new URLSearchParams(''))).toEqual({ period: 'month' });
    expect(paramsFromSearch(new URLSearchParams('period=bogus&place=410103001'))).toEqual({
      period: 'month',
      place: '410103001',
    });
    expect(paramsFromSearch(new URLSearchParams('grid=4101030010101&place=410103001&period=year'))).toEqual({
      period: 'year',
      grid: '4101030010101',
    });
    expect(paramsFromSearch(new URLSearchParams('period=custom&from=2026-01-01'))).toEqual({
      period: 'month',
    });
    const custom = paramsFromSearch(new URLSearchParams('period=custom&from=2026-01-01&to=2026-03-31'));
    expect(queryOf(custom)).toEqual({ period: 'custom', from: '2026-01-01', to: '2026-03-31' });
    expect(defaultTrendBy(custom)).toBe('week');
    expect(defaultTrendBy({ period: 'year' })).toBe('month');
    expect(defaultTrendBy({ period: 'month' })).toBe('day');
  });

  it('exports with the parameters shown', () => {
    expect(exportUrl('rankings', { period: 'week', place: '410103001' }, { by: 'community' })).toBe(
      '/api/dashboard/export?section=rankings&period=week&place=410103001&by=community',
    );
  });
});

describe('dashboard charts and map', () => {
  it('keeps the ten largest categories and sums the rest as others', () => {
    const rows: CategoryRow[] = Array.from({ length: 13 }, (_, i) => ({
      code: String(i),
      name: `c${i}`,
      reported: 100 - i,
      handled: 50,
      onTimeHandlingRate: 0.5,
      satisfactionRate: null,
      share: 0.05,
    }));
    const top = topCategories(rows, 'others');
    expect(top).toHaveLength(11);
    expect(top[10]).toMatchObject({ code: 'others', reported: 90 + 89 + 88, handled: 150 });
    expect(top[10]?.share).toBeCloseTo(0.15);
    expect(topCategories(rows.slice(0, 10), 'others')).toHaveLength(10);
  });

  it('spreads few classes over the whole palette', () => {
    expect(classColour(null, [5], WORSE_COLOURS)).toBe('#d9d9d9');
    expect(classColour(1, [5], WORSE_COLOURS)).toBe(WORSE_COLOURS[0]);
    expect(classColour(9, [5], WORSE_COLOURS)).toBe(WORSE_COLOURS[5]);
  });
});

import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../app/api';
import {
  caseAreaFilter,
  fetchCategories,
  fetchMap,
  fetchOverview,
  fetchRankings,
  fetchTrend,
  paramsFromSearch,
  queryOf,
  type DashboardParams,
  type MapFigure,
  type PeriodKey,
  type RankingBy,
  type TrendBy,
} from './dashboardData';

/**
 * The dashboard's area and period live in the URL (?place= or ?grid=, ?period=, ?from=&to=), so a drill-down
 * is a history entry (the browser's back goes up again) and the wall screen opens on the same view.
 */
export function useDashboardParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsFromSearch(search), [search]);
  const apply = useCallback(
    (next: DashboardParams) => setSearch(new URLSearchParams(queryOf(next))),
    [setSearch],
  );
  const setArea = useCallback(
    (area: { kind: 'place' | 'grid'; code: string } | null) => {
      const { place: _place, grid: _grid, ...rest } = params;
      apply(area ? { ...rest, [area.kind]: area.code } : rest);
    },
    [apply, params],
  );
  const setPeriod = useCallback(
    (period: PeriodKey, range?: { from: string; to: string }) => {
      const { from: _from, to: _to, ...rest } = params;
      apply({ ...rest, period, ...(period === 'custom' && range ? range : {}) });
    },
    [apply, params],
  );
  return { params, setArea, setPeriod };
}

/**
 * Every section's data for one view. `tick` changes to refetch everything (the wall screen's refresh);
 * labels come in the request's language, so the language is part of each key.
 */
export function useDashboardData(
  params: DashboardParams,
  options: { lang: string; trendBy: TrendBy; figure: MapFigure; tick?: number },
) {
  const { lang, trendBy, figure, tick = 0 } = options;
  const base = [queryOf(params), lang, tick];
  const overview = useQuery({ queryKey: ['dash-overview', ...base], queryFn: () => fetchOverview(params) });
  const trend = useQuery({
    queryKey: ['dash-trend', ...base, trendBy],
    queryFn: () => fetchTrend(params, trendBy),
  });
  const categories = useQuery({
    queryKey: ['dash-categories', ...base],
    queryFn: () => fetchCategories(params),
  });
  const map = useQuery({ queryKey: ['dash-map', ...base, figure], queryFn: () => fetchMap(params, figure) });
  return { overview, trend, categories, map };
}

/** One kind of rankings (null: none, while the overview has not said which the area has). */
export function useRankings(
  params: DashboardParams,
  options: { lang: string; rankingBy: RankingBy | null; tick?: number },
) {
  const { lang, rankingBy, tick = 0 } = options;
  return useQuery({
    queryKey: ['dash-rankings', queryOf(params), lang, tick, rankingBy],
    queryFn: () => fetchRankings(params, rankingBy ?? 'street'),
    enabled: rankingBy !== null,
  });
}

/** Open cases of the area that are overdue or supervised (the cases list, its first page). */
export function useWatchList(
  params: DashboardParams,
  which: 'overdue' | 'supervised',
  options: { lang: string; pageSize: number; tick?: number },
) {
  const area = caseAreaFilter(params);
  return useQuery({
    queryKey: ['dash-watch', which, area, options.pageSize, options.lang, options.tick ?? 0],
    queryFn: () =>
      unwrap(
        api.GET('/api/cases', {
          params: { query: { ...area, [which]: true, page: 1, pageSize: options.pageSize } },
        }),
      ),
  });
}

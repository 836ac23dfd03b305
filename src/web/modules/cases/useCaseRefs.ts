import { useMemo } from 'react';
import { api, unwrap } from '../../app/api';
import { useQuery } from '@tanstack/react-query';
import type { Category } from './caseData';

/** The category catalogue (active classes), with majors and their minors for pickers. */
export function useCategories(lang: string) {
  const list = useQuery({
    queryKey: ['case-categories', lang],
    queryFn: () => unwrap(api.GET('/api/case-categories')),
  });
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const tree = useMemo(() => {
    const majors = items.filter((c) => c.parentCode === null);
    return majors.map((m) => ({
      value: m.code,
      label: lang === 'en' && m.nameEn ? m.nameEn : m.name,
      children: items
        .filter((c) => c.parentCode === m.code && c.active)
        .map((c) => ({ value: c.code, label: lang === 'en' && c.nameEn ? c.nameEn : c.name })),
    }));
  }, [items, lang]);
  const byCode = useMemo(() => new Map<string, Category>(items.map((c) => [c.code, c])), [items]);
  return { ...list, items, tree, byCode };
}

export function useDepartments(enabled = true) {
  const list = useQuery({
    queryKey: ['departments'],
    queryFn: () => unwrap(api.GET('/api/departments')),
    enabled,
  });
  return list.data?.items ?? [];
}

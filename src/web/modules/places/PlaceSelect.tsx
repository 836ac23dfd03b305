import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Place, type PlaceKind } from '../../app/api';
import { useDebounced } from '../../app/hooks';

interface PlaceSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Only these kinds (default: any). */
  kinds?: readonly PlaceKind[];
  /** Leave out places for which this answers true (the node being moved, say). */
  exclude?: (place: Place) => boolean;
  /** The place to show before any search (the current value's label). */
  initial?: { code: string; name: string } | undefined;
  'data-testid'?: string;
  id?: string;
}

/** Pick a place by searching (name, pinyin initials, code) within the user's subtree; the value is its code. */
export function PlaceSelect({ value, onChange, kinds, exclude, initial, id, ...rest }: PlaceSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const kindKey = kinds?.join(',') ?? '';
  const results = useQuery({
    queryKey: ['place-select', kindKey, q],
    queryFn: async () => {
      const wanted: (PlaceKind | undefined)[] = kinds && kinds.length > 0 ? [...kinds] : [undefined];
      const pages = await Promise.all(
        wanted.map((kind) =>
          unwrap(
            api.GET('/api/places', {
              params: { query: { ...(q ? { q } : {}), ...(kind ? { kind } : {}), pageSize: 20 } },
            }),
          ),
        ),
      );
      return pages.flatMap((p) => p.items).sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code));
    },
  });
  const places = (results.data ?? []).filter((p) => !exclude?.(p));
  const options = places.map((p) => ({
    value: p.code,
    label: `${p.name} · ${t(`kinds.${p.kind}`)} · ${p.code}`,
  }));
  if (initial && value === initial.code && !options.some((o) => o.value === initial.code)) {
    options.unshift({ value: initial.code, label: `${initial.name} · ${initial.code}` });
  }

  return (
    <Select
      id={id}
      value={value}
      onChange={(code: string | undefined) => onChange?.(code)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={results.isFetching}
      allowClear
      placeholder={t('places.selectPlaceholder')}
      notFoundContent={results.isFetching ? t('common.loading') : t('places.noResults')}
      data-testid={rest['data-testid']}
      popupMatchSelectWidth
    />
  );
}

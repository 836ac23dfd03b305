import { useQuery } from '@tanstack/react-query';
import { Empty, Input, Pagination, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { useDebounced } from '../../app/hooks';
import { KindTag } from './KindTag';

const PAGE_SIZE = 10;

/** Search the user's subtree by name, pinyin, pinyin initials (e.g. "hhl") or code; a result selects the node. */
export function PlaceSearch({
  selectedCode,
  onSelect,
}: {
  selectedCode: string;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(text.trim(), 300);
  const results = useQuery({
    queryKey: ['place-search', q, page],
    queryFn: () => unwrap(api.GET('/api/places', { params: { query: { q, page, pageSize: PAGE_SIZE } } })),
    enabled: q !== '',
  });
  const data = q ? results.data : undefined;

  return (
    <div className="ly-place-search">
      <Input.Search
        allowClear
        value={text}
        placeholder={t('places.searchPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          setPage(1);
        }}
        loading={results.isFetching}
        data-testid="place-search"
        maxLength={50}
      />
      {q && (
        <div className="ly-search-results" data-testid="place-search-results">
          <div className="ly-search-head">
            <Typography.Text type="secondary">
              {t('places.results', { total: data?.total ?? 0 })}
            </Typography.Text>
            <Typography.Link
              onClick={() => {
                setText('');
                setPage(1);
              }}
            >
              {t('common.clear')}
            </Typography.Link>
          </div>
          {results.error && <Typography.Text type="danger">{results.error.message}</Typography.Text>}
          {!data && results.isFetching && <Spin size="small" />}
          {data && data.items.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.noResults')} />
          )}
          {data && data.items.length > 0 && (
            <ul className="ly-result-list">
              {data.items.map((place) => (
                <li key={place.code}>
                  <button
                    type="button"
                    className={place.code === selectedCode ? 'ly-result ly-result-active' : 'ly-result'}
                    onClick={() => onSelect(place.code)}
                    data-testid={`search-result-${place.code}`}
                  >
                    <span className="ly-result-name">{place.name}</span>
                    <KindTag kind={place.kind} />
                    <span className="ly-result-code">{place.code}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {data && data.total > PAGE_SIZE && (
            <Pagination
              simple
              size="small"
              current={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onChange={setPage}
              className="ly-search-pager"
            />
          )}
        </div>
      )}
    </div>
  );
}

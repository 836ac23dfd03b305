import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from './list-state';
import type { PagedListPager } from './usePagedList';

export type PagedTableProps<T> = Omit<TableProps<T>, 'pagination' | 'loading'> & {
  /** The list (usePagedList) whose page and page size the pager shows and sets. */
  list: PagedListPager;
  /** The server's total of matching rows. */
  total: number;
  /** Default: the list's query is fetching. */
  loading?: boolean;
  /** The compact pager (phones). */
  simplePager?: boolean;
  /** Default true. */
  showSizeChanger?: boolean;
};

/** An antd Table paged by the server: total, current page and page size bound to a usePagedList. */
export function PagedTable<T extends object>({
  list,
  total,
  loading,
  simplePager,
  showSizeChanger = true,
  ...table
}: PagedTableProps<T>) {
  const { t } = useTranslation();
  return (
    <Table<T>
      {...table}
      loading={loading ?? list.query.isFetching}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total,
        showSizeChanger,
        ...(simplePager ? { simple: true } : {}),
        pageSizeOptions: [...PAGE_SIZES],
        showTotal: (count) => t('common.total', { total: count }),
        onChange: list.setPaging,
      }}
    />
  );
}

import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Cascader,
  Checkbox,
  DatePicker,
  Input,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useDebounced, useIsPhone } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';
import type { ListState } from '../../app/list-state';
import { PagedTable } from '../../app/PagedTable';
import { usePagedList } from '../../app/usePagedList';
import { useCurrentSession } from '../../app/session';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/case-workflow';
import { PlaceSelect } from '../places/PlaceSelect';
import { statusLabel, type CaseItem } from './caseData';
import { DeadlineTag, StatusTag } from './CaseTags';
import { ReportCaseDialog } from './ReportCaseDialog';
import { useCategories } from './useCaseRefs';

const FILTERS = {
  status: 'list',
  category: 'list',
  within: 'string',
  overdue: 'flag',
  supervised: 'flag',
  mine: 'flag',
  // the reporting period's first and last day, YYYY-MM-DD
  from: 'string',
  to: 'string',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayOf(text: string | undefined): Dayjs | null {
  return text && DAY.test(text) && dayjs(text).isValid() ? dayjs(text) : null;
}

function statusesOf(values: readonly string[]): CaseStatus[] {
  return CASE_STATUSES.filter((s) => values.includes(s));
}

function fetchCases({ q, filters, page, pageSize }: ListState<typeof FILTERS>) {
  const status = statusesOf(filters.status);
  const categoryCode = filters.category.at(-1);
  const within = filters.within;
  const from = dayOf(filters.from)?.startOf('day').toISOString();
  const to = dayOf(filters.to)?.add(1, 'day').startOf('day').toISOString();
  return unwrap(
    api.GET('/api/cases', {
      params: {
        query: {
          ...(q ? { q } : {}),
          ...(status.length ? { status } : {}),
          ...(categoryCode ? { category: categoryCode } : {}),
          ...(within ? { within } : {}),
          ...(filters.overdue ? { overdue: true } : {}),
          ...(filters.supervised ? { supervised: true } : {}),
          ...(filters.mine ? { mine: true } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          page,
          pageSize,
        },
      },
    }),
  );
}

/** 案件列表: the cases I may see, server-paged, with filters; a row opens the case. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { can } = useCurrentSession();
  const categories = useCategories(i18n.language);
  const list = usePagedList({ queryKey: ['cases', i18n.language], filters: FILTERS, queryFn: fetchCases });
  const { filters, setFilter } = list;
  // the search box follows the URL (back button, a shared link); what is typed goes there once it settles
  const [qText, setQText] = useState(list.q);
  const q = useDebounced(qText.trim());
  const [shownQ, setShownQ] = useState(list.q);
  if (shownQ !== list.q) {
    setShownQ(list.q);
    if (list.q !== q) setQText(list.q);
  }
  const { setSearch } = list;
  useEffect(() => {
    if (q !== list.q) setSearch(q, { replace: true });
    // only when the settled text changes: a URL change must not write the old text back
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, setSearch]);
  const status = statusesOf(filters.status);
  const period: [Dayjs | null, Dayjs | null] | null =
    filters.from || filters.to ? [dayOf(filters.from), dayOf(filters.to)] : null;
  const [reporting, setReporting] = useState(false);

  const columns: TableColumnsType<CaseItem> = [
    {
      title: t('cases.columns.code'),
      dataIndex: 'code',
      fixed: phone ? undefined : 'left',
      render: (code: string, c) => (
        <Space size={4} wrap>
          <Typography.Link data-testid={`case-open-${c.code}`} className="ly-mono">
            {code}
          </Typography.Link>
          {c.urgent && <Tag color="red">{t('cases.urgent')}</Tag>}
          {c.supervised && <Tag color="volcano">{t('cases.supervised')}</Tag>}
        </Space>
      ),
    },
    { title: t('cases.columns.category'), render: (_, c) => c.category.name },
    {
      title: t('cases.columns.status'),
      dataIndex: 'status',
      render: (s: string) => <StatusTag status={s} />,
    },
    { title: t('cases.columns.deadline'), render: (_, c) => <DeadlineTag deadline={c.current} /> },
    { title: t('cases.columns.place'), render: (_, c) => c.place.name },
    {
      title: t('cases.columns.handler'),
      render: (_, c) =>
        c.handler
          ? `${t(`cases.handlerKind.${c.handler.kind}`)}${c.handler.name ? ` · ${c.handler.name}` : ''}`
          : '—',
    },
    {
      title: t('cases.columns.reportedAt'),
      dataIndex: 'reportedAt',
      render: (v: string) => <span className="ly-nowrap">{formatDateTime(v, i18n.language)}</span>,
    },
  ];

  return (
    <div className="ly-page" data-testid="cases-page">
      <div className="ly-title-row">
        <Typography.Title level={3} className="ly-page-title">
          {t('cases.title')}
        </Typography.Title>
        {can('cases.report') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setReporting(true)}
            data-testid="case-report"
          >
            {t('cases.report.title')}
          </Button>
        )}
      </div>
      <div className="ly-toolbar">
        <Input.Search
          allowClear
          placeholder={t('cases.searchPlaceholder')}
          value={qText}
          onChange={(e) => setQText(e.target.value)}
          className="ly-toolbar-search"
          data-testid="case-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('cases.columns.status')}
          value={status}
          onChange={(v) => setFilter('status', v)}
          options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, i18n.language) }))}
          style={{ minWidth: 160 }}
          data-testid="case-filter-status"
        />
        <Cascader
          options={categories.tree}
          changeOnSelect
          value={filters.category}
          onChange={(v) => setFilter('category', (v ?? []) as string[])}
          placeholder={t('cases.columns.category')}
          style={{ minWidth: 160 }}
          data-testid="case-filter-category"
        />
        <PlaceSelect
          value={filters.within}
          onChange={(code) => setFilter('within', code)}
          kinds={['street', 'town', 'community', 'village', 'compound']}
          data-testid="case-filter-within"
        />
        <DatePicker.RangePicker
          value={period}
          onChange={(v) =>
            list.setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
          }
          data-testid="case-filter-period"
        />
        <Checkbox
          checked={filters.overdue}
          onChange={(e) => setFilter('overdue', e.target.checked)}
          data-testid="case-filter-overdue"
        >
          {t('cases.filters.overdue')}
        </Checkbox>
        <Checkbox checked={filters.supervised} onChange={(e) => setFilter('supervised', e.target.checked)}>
          {t('cases.filters.supervised')}
        </Checkbox>
        <Checkbox
          checked={filters.mine}
          onChange={(e) => setFilter('mine', e.target.checked)}
          data-testid="case-filter-mine"
        >
          {t('cases.filters.mine')}
        </Checkbox>
      </div>
      {list.query.error && (
        <Alert type="error" showIcon title={list.query.error.message} className="ly-section" />
      )}
      <PagedTable<CaseItem>
        list={list}
        total={list.query.data?.total ?? 0}
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ onClick: () => void navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
        showSizeChanger={!phone}
        simplePager={phone}
        data-testid="cases-table"
      />
      {reporting && (
        <ReportCaseDialog onClose={() => setReporting(false)} onFiled={() => void list.query.refetch()} />
      )}
    </div>
  );
}

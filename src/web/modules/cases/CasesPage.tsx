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
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useDebounced, useIsPhone, useQuery } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';
import { useCurrentSession } from '../../app/session';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/case-workflow';
import { PlaceSelect } from '../places/PlaceSelect';
import { statusLabel, type CaseItem } from './caseData';
import { DeadlineTag, StatusTag } from './CaseTags';
import { ReportCaseDialog } from './ReportCaseDialog';
import { useCategories } from './useCaseRefs';

/** 案件列表: the cases I may see, server-paged, with filters; a row opens the case. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { can } = useCurrentSession();
  const categories = useCategories(i18n.language);
  const [qText, setQText] = useState('');
  const q = useDebounced(qText.trim());
  const [status, setStatus] = useState<CaseStatus[]>([]);
  const [category, setCategory] = useState<string[]>([]);
  const [within, setWithin] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [supervised, setSupervised] = useState(false);
  const [mine, setMine] = useState(false);
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [reporting, setReporting] = useState(false);
  const from = period?.[0]?.startOf('day').toISOString();
  const to = period?.[1]?.add(1, 'day').startOf('day').toISOString();
  const categoryCode = category.at(-1);
  const key = JSON.stringify([
    q,
    status,
    categoryCode,
    within,
    overdue,
    supervised,
    mine,
    from,
    to,
    page,
    pageSize,
  ]);
  const list = useQuery(`cases:${key}:${i18n.language}`, () =>
    unwrap(
      api.GET('/api/cases', {
        params: {
          query: {
            ...(q ? { q } : {}),
            ...(status.length ? { status } : {}),
            ...(categoryCode ? { category: categoryCode } : {}),
            ...(within ? { within } : {}),
            ...(overdue ? { overdue: true } : {}),
            ...(supervised ? { supervised: true } : {}),
            ...(mine ? { mine: true } : {}),
            ...(from ? { from } : {}),
            ...(to ? { to } : {}),
            page,
            pageSize,
          },
        },
      }),
    ),
  );
  const reset = (fn: () => void) => {
    fn();
    setPage(1);
  };

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
          onChange={(e) => reset(() => setQText(e.target.value))}
          className="ly-toolbar-search"
          data-testid="case-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('cases.columns.status')}
          value={status}
          onChange={(v) => reset(() => setStatus(v))}
          options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, i18n.language) }))}
          style={{ minWidth: 160 }}
          data-testid="case-filter-status"
        />
        <Cascader
          options={categories.tree}
          changeOnSelect
          value={category}
          onChange={(v) => reset(() => setCategory((v ?? []) as string[]))}
          placeholder={t('cases.columns.category')}
          style={{ minWidth: 160 }}
          data-testid="case-filter-category"
        />
        <PlaceSelect
          value={within}
          onChange={(code) => reset(() => setWithin(code))}
          kinds={['street', 'town', 'community', 'village', 'compound']}
          data-testid="case-filter-within"
        />
        <DatePicker.RangePicker
          value={period}
          onChange={(v) => reset(() => setPeriod(v))}
          data-testid="case-filter-period"
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => reset(() => setOverdue(e.target.checked))}
          data-testid="case-filter-overdue"
        >
          {t('cases.filters.overdue')}
        </Checkbox>
        <Checkbox checked={supervised} onChange={(e) => reset(() => setSupervised(e.target.checked))}>
          {t('cases.filters.supervised')}
        </Checkbox>
        <Checkbox
          checked={mine}
          onChange={(e) => reset(() => setMine(e.target.checked))}
          data-testid="case-filter-mine"
        >
          {t('cases.filters.mine')}
        </Checkbox>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} className="ly-section" />}
      <Table<CaseItem>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ onClick: () => void navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: !phone,
          simple: phone,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        data-testid="cases-table"
      />
      {reporting && <ReportCaseDialog onClose={() => setReporting(false)} onFiled={list.reload} />}
    </div>
  );
}

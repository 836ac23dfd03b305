import { useQuery } from '@tanstack/react-query';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type GetProps,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zhCN } from '../../i18n/zh-CN';
import { zh } from './messages';
import { api, unwrap, type AuditEntry, type AuditQuery, type AuditVerify } from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];
type AuditResult = AuditEntry['result'];
type ActionKey = keyof typeof zh.audit.actionNames;
type RoleKey = keyof typeof zhCN.roles;

interface FilterForm {
  actor?: string;
  action?: string;
  result?: AuditResult;
  /** Desktop: antd's range picker with time. */
  range?: RangeValue;
  /** Phones: the browser's own date-time pickers (antd's range panel is wider than a phone). */
  fromLocal?: string;
  toLocal?: string;
}

/** A datetime-local value ("2026-11-26T08:30", local time) as an ISO instant. */
function localToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

type Filters = Pick<AuditQuery, 'actor' | 'action' | 'result' | 'from' | 'to'>;

const RESULT_COLOR: Record<AuditResult, string> = { ok: 'green', denied: 'red', failed: 'orange' };
const RESULTS: readonly AuditResult[] = ['ok', 'denied', 'failed'];

function toFilters(values: FilterForm): Filters {
  const filters: Filters = {};
  const actor = values.actor?.trim();
  if (actor) filters.actor = actor;
  const action = values.action?.trim();
  if (action) filters.action = action;
  if (values.result) filters.result = values.result;
  const [from, to] = values.range ?? [];
  const fromIso = from ? from.toISOString() : localToIso(values.fromLocal);
  const toIso = to ? to.toISOString() : localToIso(values.toLocal);
  if (fromIso) filters.from = fromIso;
  if (toIso) filters.to = toIso;
  return filters;
}

/** The audit trail (audit administrator): filter, page through, open an entry, verify the hash chain. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const phone = useIsPhone();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerify | null>(null);

  const entries = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query: { ...filters, page, pageSize } } })),
  });

  const actionLabel = (action: string) => {
    const key = action.replace('.', '_');
    return key in zh.audit.actionNames ? t(`audit.actionNames.${key as ActionKey}`) : null;
  };
  const roleLabel = (role: string | null) =>
    role && role in zhCN.roles ? t(`roles.${role as RoleKey}`) : role;

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await unwrap(api.POST('/api/audit/verify')));
    } catch (error) {
      showError(error);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.columns.time'),
      dataIndex: 'occurredAt',
      key: 'time',
      render: (value: string) => <span className="ly-nowrap">{formatDateTime(value, i18n.language)}</span>,
    },
    {
      title: t('audit.columns.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      render: (value: string | null) => value ?? t('common.none'),
    },
    {
      title: t('audit.columns.role'),
      dataIndex: 'actorRole',
      key: 'role',
      render: (value: string | null) => roleLabel(value) ?? t('common.none'),
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => {
        const label = actionLabel(action);
        return (
          <span className="ly-nowrap">
            {label && <span>{label} </span>}
            <Typography.Text type="secondary" code>
              {action}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      title: t('audit.columns.subject'),
      key: 'subject',
      render: (_, entry) =>
        entry.subjectType ? (
          <span className="ly-nowrap">
            {entry.subjectType}
            {entry.subjectId ? `: ${entry.subjectId}` : ''}
          </span>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('audit.columns.result'),
      dataIndex: 'result',
      key: 'result',
      render: (result: AuditResult) => <Tag color={RESULT_COLOR[result]}>{t(`audit.results.${result}`)}</Tag>,
    },
    {
      title: t('audit.columns.ip'),
      dataIndex: 'ip',
      key: 'ip',
      render: (value: string | null) => value ?? t('common.none'),
    },
  ];

  // On phones one stacked cell (time, actor, action, result); the rest is in the expanded row.
  const phoneColumns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.title'),
      key: 'entry',
      render: (_, entry) => (
        <div className="ly-stack">
          <div className="ly-stack-line">
            <Typography.Text type="secondary">
              {formatDateTime(entry.occurredAt, i18n.language)}
            </Typography.Text>
            <Tag color={RESULT_COLOR[entry.result]}>{t(`audit.results.${entry.result}`)}</Tag>
          </div>
          <div className="ly-stack-line">
            <Typography.Text strong>{entry.actorName ?? t('common.none')}</Typography.Text>
            <span>{actionLabel(entry.action) ?? entry.action}</span>
          </div>
        </div>
      ),
    },
  ];

  const result = entries.data;
  return (
    <div className="ly-page">
      <div className="ly-title-row">
        <Typography.Title level={4} className="ly-page-title">
          {t('audit.title')}
        </Typography.Title>
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => void runVerify()}
          loading={verifying}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </div>
      {verify && (
        <Alert
          className="ly-section"
          data-testid="audit-verify-result"
          data-ok={String(verify.ok)}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          title={verify.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
          description={
            verify.ok
              ? t('audit.verifyOkDetail', {
                  checked: verify.checked,
                  unsealed: verify.unsealed,
                  headSeq: verify.headSeq,
                })
              : t('audit.verifyBrokenDetail', {
                  seq: verify.firstBroken?.seq ?? '',
                  id: verify.firstBroken?.id ?? t('common.none'),
                  reason: verify.firstBroken?.reason ?? '',
                  checked: verify.checked,
                })
          }
        />
      )}
      <Card className="ly-section">
        <Form<FilterForm>
          form={form}
          layout="vertical"
          className="ly-filter-form"
          data-testid="audit-filters"
          onFinish={(values) => {
            setFilters(toFilters(values));
            setPage(1);
          }}
        >
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input
              allowClear
              placeholder={t('audit.actorPlaceholder')}
              maxLength={40}
              data-testid="audit-actor"
            />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Input
              allowClear
              placeholder={t('audit.actionPlaceholder')}
              maxLength={60}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item name="result" label={t('audit.result')}>
            <Select<AuditResult>
              allowClear
              placeholder={t('audit.allResults')}
              options={RESULTS.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
              data-testid="audit-result"
            />
          </Form.Item>
          {phone ? (
            <>
              <Form.Item name="fromLocal" label={t('audit.from')}>
                <Input type="datetime-local" data-testid="audit-from" />
              </Form.Item>
              <Form.Item name="toLocal" label={t('audit.to')}>
                <Input type="datetime-local" data-testid="audit-to" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="range" label={t('audit.timeRange')} className="ly-filter-range">
              <DatePicker.RangePicker showTime className="ly-full-width" data-testid="audit-range" />
            </Form.Item>
          )}
          <Form.Item className="ly-filter-buttons">
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        {entries.error && (
          <Alert type="error" showIcon title={entries.error.message} className="ly-form-alert" />
        )}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={phone ? phoneColumns : columns}
          dataSource={result?.items ?? []}
          loading={entries.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (entry) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  ...(phone
                    ? [
                        {
                          key: 'action',
                          label: t('audit.columns.action'),
                          children: <code>{entry.action}</code>,
                        },
                        {
                          key: 'role',
                          label: t('audit.columns.role'),
                          children: roleLabel(entry.actorRole) ?? t('common.none'),
                        },
                        {
                          key: 'subject',
                          label: t('audit.columns.subject'),
                          children: entry.subjectType
                            ? `${entry.subjectType}: ${entry.subjectId ?? ''}`
                            : t('common.none'),
                        },
                        { key: 'ip', label: t('audit.columns.ip'), children: entry.ip ?? t('common.none') },
                      ]
                    : []),
                  {
                    key: 'details',
                    label: t('audit.details'),
                    children: <pre className="ly-json">{JSON.stringify(entry.details, null, 2)}</pre>,
                  },
                  {
                    key: 'requestId',
                    label: t('audit.requestId'),
                    children: entry.requestId ?? t('common.none'),
                  },
                  {
                    key: 'seal',
                    label: t('audit.seal'),
                    children: entry.sealSeq ?? t('audit.unsealed'),
                  },
                  {
                    key: 'hash',
                    label: t('audit.hash'),
                    children: entry.hash ? <code className="ly-break">{entry.hash}</code> : t('common.none'),
                  },
                ]}
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: result?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
    </div>
  );
}

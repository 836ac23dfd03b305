import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PlaceSelect } from '../places/PlaceSelect';
import { api, downloadFile, unwrap, type Household, type Resident, type ResidentTag } from '../../app/api';
import { useDebounced, useIsPhone, useShowError } from '../../app/hooks';
import { useCurrentSession } from '../../app/session';
import { RegisterDialog } from './RegisterDialog';
import { RevealDialog } from './RevealDialog';
import { RESIDENT_TAGS, SENSITIVE_TAGS } from './tags';

type ResidenceType = Resident['residenceType'];

function TagList({ tags }: { tags: readonly ResidentTag[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[2, 2]} wrap>
      {tags.map((tag) => (
        <Tag key={tag} color={SENSITIVE_TAGS.has(tag) ? 'volcano' : 'blue'}>
          {t(`residents.tags.${tag}`)}
        </Tag>
      ))}
    </Space>
  );
}

function ResidentDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [reveal, setReveal] = useState<'idNumber' | 'phone' | null>(null);
  const [revealed, setRevealed] = useState<Partial<Record<'idNumber' | 'phone', string | null>>>({});
  const detail = useQuery({
    queryKey: ['resident', id],
    queryFn: () => unwrap(api.GET('/api/residents/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
  });
  const r = detail.data && detail.data.id === id ? detail.data : undefined;
  const canReveal = r?.allowedActions.includes('reveal') ?? false;
  const close = () => {
    setRevealed({});
    onClose();
  };
  const shown = (field: 'idNumber' | 'phone', masked: string | null) => {
    const full = revealed[field];
    return (
      <Space size={4} wrap>
        <span data-testid={`resident-${field}`}>{full ?? masked ?? '—'}</span>
        {canReveal && masked && full === undefined && (
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            onClick={() => setReveal(field)}
            data-testid={`reveal-${field}`}
          >
            {t('residents.reveal.action')}
          </Button>
        )}
      </Space>
    );
  };
  return (
    <Drawer
      open={id !== null}
      onClose={close}
      title={r?.name ?? t('residents.detailTitle')}
      size="large"
      styles={{ body: { paddingTop: 8 } }}
      data-testid="resident-drawer"
    >
      {detail.error && <Alert type="error" showIcon title={detail.error.message} />}
      {r && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('residents.columns.name')}>{r.name}</Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.gender')}>
              {r.gender ? t(`residents.gender.${r.gender}`) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.age')}>{r.age ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.idNumber')}>
              {shown('idNumber', r.idNumberMasked)}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.phone')}>
              {shown('phone', r.phoneMasked)}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.relation')}>
              {t(`residents.relation.${r.relation}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.residenceType')}>
              {t(`residents.residenceType.${r.residenceType}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.address')}>
              {r.household.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.place')}>{r.place.name}</Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.grid')}>
              {r.grid ? `${r.grid.name}（${r.grid.code}）` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('residents.columns.tags')}>
              <TagList tags={r.tags} />
            </Descriptions.Item>
            {r.note && <Descriptions.Item label={t('residents.columns.note')}>{r.note}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('residents.housemates')}
          </Typography.Title>
          {r.housemates.length === 0 ? (
            <Typography.Text type="secondary">{t('residents.noHousemates')}</Typography.Text>
          ) : (
            <ul className="ly-plain-list">
              {r.housemates.map((m) => (
                <li key={m.id}>
                  {m.name} · {t(`residents.relation.${m.relation}`)}
                  {m.age !== null ? ` · ${t('residents.ageN', { age: m.age })}` : ''}
                </li>
              ))}
            </ul>
          )}
          <RevealDialog
            residentId={r.id}
            field={reveal}
            onClose={() => setReveal(null)}
            onRevealed={(field, value) => setRevealed((old) => ({ ...old, [field]: value }))}
          />
        </>
      )}
    </Drawer>
  );
}

/** `?within=<place code>&grid=<grid code>`: links from the grid map and the place tree land on a narrowed list. */
function useScopeParams() {
  const [params, setParams] = useSearchParams();
  const within = params.get('within') ?? undefined;
  const grid = params.get('grid') ?? undefined;
  const set = (next: { within?: string; grid?: string }) => {
    const merged = { within, grid, ...next };
    setParams(
      Object.fromEntries(
        Object.entries(merged).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
      { replace: true },
    );
  };
  return { within, grid, set };
}

function ScopeFilters() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const scope = useScopeParams();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <PlaceSelect
        value={scope.within}
        onChange={(code) => scope.set({ within: code })}
        kinds={['street', 'town', 'community', 'village', 'compound', 'building']}
        data-testid="resident-within"
      />
      {scope.grid && (
        <Tag closable onClose={() => scope.set({ grid: undefined })} data-testid="resident-grid-filter">
          {t('residents.gridFilter', { code: scope.grid })}
        </Tag>
      )}
      {!phone && <Typography.Text type="secondary">{t('residents.withinHint')}</Typography.Text>}
    </Space>
  );
}

function ResidentsTab() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { can } = useCurrentSession();
  const { within, grid } = useScopeParams();
  const [qText, setQText] = useState('');
  const [addressText, setAddressText] = useState('');
  const q = useDebounced(qText.trim());
  const address = useDebounced(addressText.trim());
  const [tag, setTag] = useState<ResidentTag | undefined>();
  const [residenceType, setResidenceType] = useState<ResidenceType | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<number | null>(null);
  const [registering, setRegistering] = useState(false);
  const [exporting, setExporting] = useState(false);
  const showError = useShowError();
  const list = useQuery({
    queryKey: ['residents', within, grid, q, address, tag, residenceType, page, pageSize],
    queryFn: () =>
      unwrap(
        api.GET('/api/residents', {
          params: {
            query: {
              ...(within ? { within } : {}),
              ...(grid ? { grid } : {}),
              ...(q ? { q } : {}),
              ...(address ? { address } : {}),
              ...(tag ? { tag } : {}),
              ...(residenceType ? { residenceType } : {}),
              page,
              pageSize,
            },
          },
        }),
      ),
  });
  const visibleTags = RESIDENT_TAGS.filter((tg) => can('residents.sensitive') || !SENSITIVE_TAGS.has(tg));
  const columns: TableColumnsType<Resident> = [
    {
      title: t('residents.columns.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpenId(r.id)}
          data-testid={`resident-open-${r.id}`}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('residents.columns.idNumber'),
      dataIndex: 'idNumberMasked',
      render: (v: string | null) => <span className="ly-mono">{v ?? '—'}</span>,
    },
    ...(phone
      ? []
      : ([
          {
            title: t('residents.columns.gender'),
            dataIndex: 'gender',
            render: (g: Resident['gender']) => (g ? t(`residents.gender.${g}`) : '—'),
          },
          { title: t('residents.columns.age'), dataIndex: 'age' },
          {
            title: t('residents.columns.phone'),
            dataIndex: 'phoneMasked',
            render: (v: string | null) => <span className="ly-mono">{v ?? '—'}</span>,
          },
          {
            title: t('residents.columns.relation'),
            dataIndex: 'relation',
            render: (v: Resident['relation']) => t(`residents.relation.${v}`),
          },
          {
            title: t('residents.columns.residenceType'),
            dataIndex: 'residenceType',
            render: (v: ResidenceType) => t(`residents.residenceType.${v}`),
          },
          { title: t('residents.columns.address'), render: (_: unknown, r: Resident) => r.household.address },
          { title: t('residents.columns.grid'), render: (_: unknown, r: Resident) => r.grid?.name ?? '—' },
          {
            title: t('residents.columns.tags'),
            dataIndex: 'tags',
            render: (tags: ResidentTag[]) => <TagList tags={tags} />,
          },
        ] satisfies TableColumnsType<Resident>)),
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('residents.searchPlaceholder')}
          value={qText}
          onChange={(e) => {
            setQText(e.target.value);
            setPage(1);
          }}
          style={{ width: phone ? '100%' : 320 }}
          data-testid="resident-search"
        />
        <Input
          allowClear
          placeholder={t('residents.addressPlaceholder')}
          value={addressText}
          onChange={(e) => {
            setAddressText(e.target.value);
            setPage(1);
          }}
          style={{ width: phone ? '100%' : 220 }}
          data-testid="resident-address"
        />
        <Select
          allowClear
          placeholder={t('residents.columns.residenceType')}
          value={residenceType}
          onChange={(v) => {
            setResidenceType(v);
            setPage(1);
          }}
          options={(['registered', 'migrant', 'foreign'] as const).map((v) => ({
            value: v,
            label: t(`residents.residenceType.${v}`),
          }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('residents.columns.tags')}
          value={tag}
          onChange={(v) => {
            setTag(v);
            setPage(1);
          }}
          options={visibleTags.map((v) => ({ value: v, label: t(`residents.tags.${v}`) }))}
          style={{ width: 160 }}
          data-testid="resident-tag"
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => {
            setExporting(true);
            const query = new URLSearchParams({
              ...(within ? { within } : {}),
              ...(grid ? { grid } : {}),
              ...(q ? { q } : {}),
              ...(address ? { address } : {}),
              ...(tag ? { tag } : {}),
              ...(residenceType ? { residenceType } : {}),
            });
            downloadFile(`/api/residents/export?${query.toString()}`)
              .catch(showError)
              .finally(() => setExporting(false));
          }}
          data-testid="resident-export"
        >
          {t('residents.export')}
        </Button>
        {can('residents.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="resident-register"
          >
            {t('residents.register.action')}
          </Button>
        )}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<Resident>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="resident-table"
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: !phone,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <ResidentDrawer id={openId} onClose={() => setOpenId(null)} />
      {registering && (
        <RegisterDialog onClose={() => setRegistering(false)} onSaved={() => void list.refetch()} />
      )}
    </>
  );
}

function HouseholdsTab() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { within, grid } = useScopeParams();
  const [addressText, setAddressText] = useState('');
  const address = useDebounced(addressText.trim());
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [expanded, setExpanded] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['households', within, grid, address, page, pageSize],
    queryFn: () =>
      unwrap(
        api.GET('/api/households', {
          params: {
            query: {
              ...(within ? { within } : {}),
              ...(grid ? { grid } : {}),
              ...(address ? { address } : {}),
              page,
              pageSize,
            },
          },
        }),
      ),
  });
  const members = useQuery({
    queryKey: ['household', expanded],
    queryFn: () => unwrap(api.GET('/api/households/{id}', { params: { path: { id: expanded ?? 0 } } })),
    enabled: expanded !== null,
  });
  const columns: TableColumnsType<Household> = [
    { title: t('residents.columns.address'), dataIndex: 'address' },
    { title: t('residents.columns.head'), dataIndex: 'head', render: (v: string | null) => v ?? '—' },
    { title: t('residents.columns.members'), dataIndex: 'members' },
    ...(phone
      ? []
      : ([
          {
            title: t('residents.columns.housing'),
            dataIndex: 'housing',
            render: (v: Household['housing']) => t(`residents.housing.${v}`),
          },
          { title: t('residents.columns.grid'), render: (_: unknown, h: Household) => h.grid?.name ?? '—' },
        ] satisfies TableColumnsType<Household>)),
  ];
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('residents.addressPlaceholder')}
        value={addressText}
        onChange={(e) => {
          setAddressText(e.target.value);
          setPage(1);
        }}
        style={{ width: phone ? '100%' : 320, marginBottom: 12 }}
        data-testid="household-search"
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<Household>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="household-table"
        expandable={{
          expandedRowKeys: expanded === null ? [] : [expanded],
          onExpand: (open, h) => setExpanded(open ? h.id : null),
          expandedRowRender: (h) =>
            members.data?.id === h.id ? (
              <ul className="ly-plain-list">
                {members.data.residents.map((r) => (
                  <li key={r.id}>
                    {r.name} · {t(`residents.relation.${r.relation}`)} ·{' '}
                    <span className="ly-mono">{r.idNumberMasked ?? '—'}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
            ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: !phone,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
    </>
  );
}

/** The household registry under the user's node: residents (masked) and households. */
export function ResidentsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('residents.title')}>
      <Typography.Paragraph type="secondary">{t('residents.maskNote')}</Typography.Paragraph>
      <ScopeFilters />
      <Tabs
        items={[
          { key: 'residents', label: t('residents.tabResidents'), children: <ResidentsTab /> },
          { key: 'households', label: t('residents.tabHouseholds'), children: <HouseholdsTab /> },
        ]}
      />
    </Card>
  );
}

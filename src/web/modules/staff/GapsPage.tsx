import { useQuery } from '@tanstack/react-query';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Forbidden } from '../../app/guards';
import { useIsPhone } from '../../app/hooks';
import { useCurrentSession } from '../../app/session';
import { fetchGaps, type Gap, type GapQuery } from './staffData';

type Level = 1 | 2 | 3 | 4;
type MissingRole = 'worker' | 'leader';

/** 网格缺员: grids of one level in the reader's scope with no current worker (or leader), by community. */
export function GapsPage() {
  const { capabilities } = useCurrentSession();
  if (!capabilities.includes('grids.read')) return <Forbidden />;
  return <GapsList />;
}

function GapsList() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const [within, setWithin] = useState<string | undefined>(undefined);
  const [level, setLevel] = useState<Level>(4);
  const [role, setRole] = useState<MissingRole>('worker');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const query: GapQuery = { level, role, page, pageSize, ...(within ? { within } : {}) };
  const gaps = useQuery({ queryKey: ['gaps', query], queryFn: () => fetchGaps(query) });
  // The community choices come from the unfiltered list (every place with a gap at this level).
  const places = useQuery({
    queryKey: ['gap-places', level, role],
    queryFn: () => fetchGaps({ level, role, pageSize: 1 }),
  });
  const byPlace = places.data?.byPlace ?? [];

  const showOnMap = (gap: Gap) => void navigate(`/grids?grid=${encodeURIComponent(gap.code)}`);
  const columns: TableColumnsType<Gap> = [
    {
      title: t('gaps.grid'),
      key: 'grid',
      render: (_, gap) => (
        <span>
          {gap.name} <Typography.Text type="secondary">{gap.code}</Typography.Text>
        </span>
      ),
    },
    ...(phone
      ? []
      : [
          {
            title: t('gaps.community'),
            key: 'place',
            render: (_: unknown, gap: Gap) => gap.place.name,
          },
          {
            title: t('gaps.households'),
            dataIndex: 'households',
            key: 'households',
            align: 'right' as const,
            render: (value: number) => value.toLocaleString(i18n.language),
          },
        ]),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, gap) => (
        <Button
          type="link"
          size="small"
          icon={<EnvironmentOutlined />}
          onClick={() => showOnMap(gap)}
          data-testid={`gap-map-${gap.code}`}
        >
          {t('gaps.showOnMap')}
        </Button>
      ),
    },
  ];

  const reset = () => setPage(1);
  return (
    <div className="ly-page">
      <Typography.Title level={4} className="ly-page-title">
        {t('gaps.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('gaps.intro')}</Typography.Paragraph>
      <Card>
        <div className="ly-toolbar">
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('gaps.allCommunities')}
            value={within}
            onChange={(value) => {
              setWithin(value);
              reset();
            }}
            options={byPlace.map((p) => ({ value: p.code, label: `${p.name}（${p.gaps}）` }))}
            className="ly-toolbar-select"
            data-testid="gaps-community"
          />
          <Select<Level>
            value={level}
            onChange={(value) => {
              setLevel(value);
              setWithin(undefined);
              reset();
            }}
            options={([4, 3, 2, 1] as const).map((l) => ({ value: l, label: t(`grids.level${l}`) }))}
            className="ly-toolbar-select"
            data-testid="gaps-level"
          />
          <Select<MissingRole>
            value={role}
            onChange={(value) => {
              setRole(value);
              setWithin(undefined);
              reset();
            }}
            options={(['worker', 'leader'] as const).map((r) => ({
              value: r,
              label: t('gaps.missing', { role: t(`staff.roles.${r}`) }),
            }))}
            className="ly-toolbar-select"
            data-testid="gaps-role"
          />
        </div>
        {gaps.error && <Alert type="error" showIcon title={gaps.error.message} className="ly-form-alert" />}
        <Space wrap size={[4, 4]} className="ly-form-alert" data-testid="gaps-by-community">
          <Typography.Text strong data-testid="gaps-total" data-total={gaps.data?.total ?? ''}>
            {t('gaps.total', { total: gaps.data?.total ?? 0 })}
          </Typography.Text>
          {(within ? [] : byPlace.slice(0, 12)).map((p) => (
            <Tag
              key={p.code}
              className="ly-grid-link"
              onClick={() => {
                setWithin(p.code);
                reset();
              }}
            >
              {p.name} {p.gaps}
            </Tag>
          ))}
        </Space>
        <Table<Gap>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={gaps.data?.items ?? []}
          loading={gaps.isFetching}
          locale={{ emptyText: t('gaps.none') }}
          data-testid="gaps-table"
          pagination={{
            current: page,
            pageSize,
            total: gaps.data?.total ?? 0,
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

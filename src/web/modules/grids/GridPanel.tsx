import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentSession } from '../../app/session';
import type { ApiError } from '../../app/api';
import type { GridDetail, LocateResult } from './gridData';

const LABEL_STYLES = { label: { width: 96, whiteSpace: 'nowrap' as const } };

export interface LocateState {
  lng: number;
  lat: number;
  loading: boolean;
  result?: LocateResult;
  error?: ApiError;
}

function GridLink({
  grid,
  onSelect,
}: {
  grid: { code: string; name: string; level: number };
  onSelect: (code: string) => void;
}) {
  return (
    <Tag className="ly-grid-link" onClick={() => onSelect(grid.code)} data-testid={`grid-link-${grid.code}`}>
      {grid.name} · {grid.code}
    </Tag>
  );
}

/** The point lookup and the selected grid's details. */
export function GridPanel({
  locate,
  detail,
  onSelect,
}: {
  locate: LocateState | null;
  detail: UseQueryResult<GridDetail> | null;
  onSelect: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useCurrentSession();
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <Space orientation="vertical" size="middle" className="ly-grid-panel-body">
      {!locate && !detail && <Typography.Text type="secondary">{t('grids.clickHint')}</Typography.Text>}
      {locate && (
        <div data-testid="locate-result">
          <Typography.Title level={5}>{t('grids.locateTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('grids.locateAt', { lng: locate.lng.toFixed(6), lat: locate.lat.toFixed(6) })}
          </Typography.Paragraph>
          {locate.loading && <Skeleton active paragraph={{ rows: 2 }} />}
          {locate.error && (
            <Alert type="warning" showIcon title={locate.error.message} data-testid="locate-error" />
          )}
          {locate.result && (
            <Descriptions size="small" column={1} bordered styles={LABEL_STYLES}>
              <Descriptions.Item label={t('grids.level4')}>
                {locate.result.microGrid ? (
                  <span data-testid="locate-micro">
                    <GridLink grid={locate.result.microGrid} onSelect={onSelect} />
                  </span>
                ) : (
                  t('grids.noMicroGrid')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.chain')}>
                {locate.result.chain
                  .filter((g) => g.code !== locate.result?.microGrid?.code)
                  .map((g) => (
                    <GridLink key={g.code} grid={g} onSelect={onSelect} />
                  ))}
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.overlaysHere')}>
                {locate.result.overlays.length === 0
                  ? t('common.none')
                  : locate.result.overlays.map((g) => <GridLink key={g.code} grid={g} onSelect={onSelect} />)}
              </Descriptions.Item>
            </Descriptions>
          )}
        </div>
      )}
      {detail && (
        <div data-testid="grid-detail">
          <Typography.Title level={5}>{t('grids.detailTitle')}</Typography.Title>
          {detail.error && <Alert type="error" showIcon title={detail.error.message} />}
          {!detail.error && !detail.data && <Skeleton active />}
          {!detail.error && detail.data && (
            <Descriptions size="small" column={1} bordered styles={LABEL_STYLES}>
              <Descriptions.Item label={t('grids.code')}>
                <span data-testid="grid-detail-name">
                  {detail.data.name} · {detail.data.code}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.level')}>
                {t('grids.levelN', { level: detail.data.level })} ·{' '}
                {t(`grids.kind${detail.data.kind === 'base' ? 'Base' : kindKey(detail.data.kind)}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.chain')}>
                {detail.data.chain.length === 0
                  ? t('common.none')
                  : detail.data.chain.map((g) => <GridLink key={g.code} grid={g} onSelect={onSelect} />)}
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.households')}>
                <span data-testid="grid-detail-households">{number(detail.data.households)}</span>
                {can('residents.read') && detail.data.households > 0 && (
                  <Link
                    to={`/residents?grid=${detail.data.code}`}
                    style={{ marginLeft: 8 }}
                    data-testid="grid-households-link"
                  >
                    {t('grids.householdsLink')}
                  </Link>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.area')}>
                {t('grids.areaValue', { value: number(Math.round(detail.data.areaM2)) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.place')}>
                {detail.data.place.name} ({detail.data.place.code})
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.leadUnit')}>
                {detail.data.leadUnit ?? t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('grids.children')}>{detail.data.childCount}</Descriptions.Item>
            </Descriptions>
          )}
        </div>
      )}
      {!locate && !detail && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />}
    </Space>
  );
}

function kindKey(kind: 'specialised' | 'economic' | 'kinship'): 'Specialised' | 'Economic' | 'Kinship' {
  if (kind === 'specialised') return 'Specialised';
  if (kind === 'economic') return 'Economic';
  return 'Kinship';
}

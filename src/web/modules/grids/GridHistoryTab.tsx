import { useQuery } from '@tanstack/react-query';
import { Alert, Button, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../app/api';
import { fetchHistory, fetchVersion, type GridVersionFeature } from './adjustData';

type AdjustKind = 'split' | 'merge' | 'redraw' | 'import';

/** The versions of the selected grid (who, when, why), each drawable on the map. */
export function GridHistoryTab({
  code,
  reloadKey,
  onShow,
}: {
  code: string;
  reloadKey: number;
  onShow: (feature: GridVersionFeature | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['grid-history', code, reloadKey],
    queryFn: () => fetchHistory(code),
  });
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  const show = (version: number) => {
    setError(null);
    if (shown === version) {
      setShown(null);
      onShow(null);
      return;
    }
    fetchVersion(code, version).then(
      (feature) => {
        setShown(version);
        onShow(feature);
      },
      (e: unknown) => setError(toApiError(e).message),
    );
  };

  if (history.error) return <Alert type="error" showIcon title={history.error.message} />;
  if (!history.data) return <Skeleton active />;
  return (
    <Space orientation="vertical" className="ly-grid-panel-body" data-testid="grid-history">
      <Typography.Text strong>
        {history.data.name} · {history.data.code}
        {history.data.retiredAt && (
          <Tag color="default" style={{ marginLeft: 8 }}>
            {t('grids.adjust.retired')}
          </Tag>
        )}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <List
        size="small"
        dataSource={[...history.data.versions].reverse()}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button
                key="show"
                size="small"
                type={shown === v.version ? 'primary' : 'default'}
                onClick={() => show(v.version)}
                data-testid={`history-show-${v.version}`}
              >
                {shown === v.version ? t('grids.adjust.hide') : t('grids.adjust.showOnMap')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4}>
                  {t('grids.adjust.versionN', { version: v.version })}
                  {v.current && <Tag color="green">{t('grids.adjust.current')}</Tag>}
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <span>
                    {when(v.validFrom)} → {v.validTo ? when(v.validTo) : t('grids.adjust.now')}
                  </span>
                  <span>
                    {v.madeBy
                      ? t('grids.adjust.madeBy', {
                          kind: t(`grids.adjust.kind.${v.madeBy.kind as AdjustKind}`),
                          actor: v.madeBy.actorName,
                          reason: v.madeBy.reason,
                        })
                      : t('grids.adjust.original')}
                  </span>
                  {v.endedBy && (
                    <span>
                      {t('grids.adjust.endedBy', {
                        kind: t(`grids.adjust.kind.${v.endedBy.kind as AdjustKind}`),
                        actor: v.endedBy.actorName,
                        reason: v.endedBy.reason,
                      })}
                    </span>
                  )}
                  <span>{t('grids.adjust.householdsN', { count: v.households })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}

import { Alert, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Previewable {
  ok: boolean;
  findings: {
    type: string;
    reason?: string;
    detail?: string;
    code?: string | null;
    featureIndex?: number | null;
    grids?: string[];
    location: number[] | null;
  }[];
  moves: {
    total: number;
    items: { householdId: number; address: string; from: string | null; to: string | null }[];
  };
}

/** The findings of a dry run (coverage breaks: nothing can be written) and the households that would move. */
export function AdjustPreview({ outcome }: { outcome: Previewable }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="adjust-preview">
      {outcome.ok ? (
        <Alert type="success" showIcon title={t('grids.adjust.previewOk')} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('grids.adjust.previewFindings', { count: outcome.findings.length })}
          description={
            <List
              size="small"
              dataSource={outcome.findings.slice(0, 50)}
              renderItem={(f) => (
                <List.Item>
                  {f.featureIndex !== undefined && f.featureIndex !== null ? `#${f.featureIndex} ` : ''}
                  {f.code ?? f.grids?.join(', ') ?? ''} ·{' '}
                  {t(`grids.findingTypes.${f.type}`, { defaultValue: f.type })}
                  {': '}
                  {f.reason ?? f.detail}
                  {f.location ? ` @ ${f.location.map((x) => x.toFixed(5)).join(', ')}` : ''}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Typography.Text>{t('grids.adjust.movesN', { count: outcome.moves.total })}</Typography.Text>
      {outcome.moves.items.length > 0 && (
        <List
          size="small"
          bordered
          style={{ maxHeight: 180, overflow: 'auto' }}
          dataSource={outcome.moves.items}
          renderItem={(m) => (
            <List.Item>
              {m.address}: {m.from ?? '—'} → {m.to ?? '—'}
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

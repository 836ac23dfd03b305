import { useQuery } from '@tanstack/react-query';
import { Alert, List, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchCoverage, FINDING_TYPES, type Finding } from './gridData';

const TYPE_COLOUR: Record<Finding['type'], string> = {
  gap: 'orange',
  overlap: 'red',
  outside_parent: 'magenta',
  outside_district: 'volcano',
  invalid_polygon: 'purple',
  households_out_of_range: 'gold',
};

/** The coverage check: counts by finding type and the findings, each flying the map to its place. */
export function CoveragePanel({ onFinding }: { onFinding: (finding: Finding) => void }) {
  const { t, i18n } = useTranslation();
  const coverage = useQuery({ queryKey: ['grids-coverage'], queryFn: fetchCoverage });
  if (coverage.error) return <Alert type="error" showIcon title={coverage.error.message} />;
  const data = coverage.data;
  if (!data) return <Skeleton active />;
  const count = (type: Finding['type']) => data.byType[type] ?? 0;
  const levels = Object.entries(data.counts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div data-testid="coverage-summary" data-geometry-findings={data.geometryFindings}>
      <Space orientation="vertical" size="middle" className="ly-grid-panel-body">
        <Alert
          type={data.geometryFindings === 0 ? 'success' : 'warning'}
          showIcon
          title={
            data.geometryFindings === 0
              ? t('grids.coverageOk')
              : t('grids.coverageProblems', { count: data.geometryFindings })
          }
          description={t('grids.coverageMs', { ms: data.ms })}
        />
        <div className="ly-coverage-counts">
          {FINDING_TYPES.map((type) => (
            <Statistic
              key={type}
              title={t(`grids.findingTypes.${type}`)}
              value={count(type)}
              data-testid={`coverage-count-${type}`}
              data-count={count(type)}
            />
          ))}
        </div>
        <div>
          <Typography.Text strong>{t('grids.countsTitle')}</Typography.Text>
          <div className="ly-coverage-levels">
            {levels.map(([key, value]) => (
              <Tag key={key}>
                {key}: {value.toLocaleString(i18n.language)}
              </Tag>
            ))}
          </div>
        </div>
        <div>
          <Typography.Text strong>{t('grids.findings')}</Typography.Text>
          <List
            size="small"
            dataSource={data.findings}
            pagination={{ pageSize: 10, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: t('grids.noFindings') }}
            renderItem={(finding, index) => (
              <List.Item
                className="ly-finding"
                data-testid={`coverage-finding-${index}`}
                onClick={() => onFinding(finding)}
              >
                <Space orientation="vertical" size={0}>
                  <span>
                    <Tag color={TYPE_COLOUR[finding.type]}>{t(`grids.findingTypes.${finding.type}`)}</Tag>
                    {finding.grids.join(', ')}
                  </span>
                  <Typography.Text type="secondary">
                    {finding.detail}
                    {finding.areaM2 > 0 &&
                      ` · ${t('grids.findingArea', { value: Math.round(finding.areaM2).toLocaleString(i18n.language) })}`}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </div>
      </Space>
    </div>
  );
}

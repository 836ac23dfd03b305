import { useQuery } from '@tanstack/react-query';
import { ApartmentOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useCurrentSession } from '../../app/session';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { user, can } = useCurrentSession();
  // Labels come localized from the server, so the language is part of the key.
  const stats = useQuery({
    queryKey: ['home-stats', i18n.language],
    queryFn: () => unwrap(api.GET('/api/home/stats')),
  });

  return (
    <div className="ly-page">
      <Card className="ly-section ly-welcome" data-testid="home-welcome">
        <Typography.Title level={4} className="ly-page-title">
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <div className="ly-welcome-meta">
          <span>
            <Typography.Text type="secondary" className="ly-welcome-label">
              {t('home.role')}
            </Typography.Text>
            <Tag color="blue">{t(`roles.${user.role}`)}</Tag>
          </span>
          <span data-testid="home-place">
            <Typography.Text type="secondary" className="ly-welcome-label">
              {t('home.place')}
            </Typography.Text>
            <EnvironmentOutlined /> {user.place.name}{' '}
            <Typography.Text type="secondary" copyable>
              {user.place.code}
            </Typography.Text>
          </span>
        </div>
        {can('places.read') && (
          <Link to="/places">
            <Button icon={<ApartmentOutlined />} className="ly-welcome-action">
              {t('home.openPlaces')}
            </Button>
          </Link>
        )}
      </Card>

      <Typography.Title level={5} className="ly-section-title">
        {stats.data ? t('home.statsOf', { name: stats.data.place.name }) : t('home.stats')}
      </Typography.Title>
      {stats.error && <Alert type="error" showIcon title={stats.error.message} />}
      {!stats.data && stats.isFetching && (
        <Card>
          <Skeleton active paragraph={{ rows: 2 }} />
        </Card>
      )}
      {stats.data && stats.data.stats.length === 0 && (
        <Card>
          <Empty description={t('home.noStats')} />
        </Card>
      )}
      {stats.data && stats.data.stats.length > 0 && (
        <Row gutter={[16, 16]} data-testid="home-stats">
          {stats.data.stats.map((stat) => (
            <Col key={stat.key} xs={12} sm={8} lg={6} xl={4}>
              <Card className="ly-stat-card" loading={stats.isFetching} data-testid={`stat-${stat.key}`}>
                <Statistic title={stat.label} value={stat.value ?? t('common.none')} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}

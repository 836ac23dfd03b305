import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useShowError } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';
import type { paths } from '../../api/schema';

type Query = NonNullable<paths['/api/notifications']['get']['parameters']['query']>;
type NotificationPage = Awaited<ReturnType<typeof fetchNotifications>>;
export type Notification = NotificationPage['items'][number];

async function fetchNotifications(query: Query) {
  return unwrap(api.GET('/api/notifications', { params: { query } }));
}

/** 消息: the case notifications for me; a click marks it read and opens the case. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['inbox', unreadOnly, page],
    queryFn: () => fetchNotifications({ ...(unreadOnly ? { unread: true } : {}), page, pageSize: 20 }),
  });
  const changed = () => {
    void list.refetch();
    window.dispatchEvent(new Event('louyuan:inbox'));
  };
  const open = async (n: Notification) => {
    try {
      if (!n.readAt) {
        await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: n.id } } }));
      }
      changed();
      if (n.caseId) void navigate(`/cases/${n.caseId}`);
    } catch (error) {
      showError(error);
    }
  };
  const readAll = async () => {
    try {
      await unwrap(api.POST('/api/notifications/read-all'));
      changed();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <div className="ly-page ly-narrow-wide" data-testid="inbox-page">
      <div className="ly-title-row">
        <Typography.Title level={3} className="ly-page-title">
          {t('inbox.title')}
          {list.data ? <Badge count={list.data.unread} style={{ marginLeft: 8 }} /> : null}
        </Typography.Title>
        <Space wrap>
          <Button
            type={unreadOnly ? 'primary' : 'default'}
            onClick={() => {
              setUnreadOnly(!unreadOnly);
              setPage(1);
            }}
          >
            {t('inbox.unreadOnly')}
          </Button>
          <Button onClick={() => void readAll()} data-testid="inbox-read-all">
            {t('inbox.readAll')}
          </Button>
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        data-testid="inbox-list"
        pagination={
          (list.data?.total ?? 0) > 20
            ? { current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, simple: true }
            : false
        }
        renderItem={(n) => (
          <List.Item
            onClick={() => void open(n)}
            style={{ cursor: 'pointer' }}
            className={n.readAt ? undefined : 'ly-unread'}
            data-testid={`inbox-item-${n.id}`}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {!n.readAt && <Badge status="processing" />}
                  <span>{n.title}</span>
                  <Tag>
                    {t(
                      `webhooks.eventNames.${n.kind.replace(/^case\./, '')}` as 'webhooks.eventNames.reported',
                      {
                        defaultValue: n.kind,
                      },
                    )}
                  </Tag>
                </Space>
              }
              description={
                <>
                  {n.body && <div className="ly-break">{n.body}</div>}
                  <Typography.Text type="secondary">
                    {formatDateTime(n.createdAt, i18n.language)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}

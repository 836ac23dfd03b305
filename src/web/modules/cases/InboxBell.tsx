import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useCurrentSession } from '../../app/session';

async function fetchUnread() {
  return unwrap(api.GET('/api/notifications', { params: { query: { unread: true, page: 1, pageSize: 1 } } }));
}

/** The unread count for the header badge, polled every 30 seconds (null while the inbox is unavailable). */
export function useUnreadCount(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    const poll = () =>
      fetchUnread().then(
        (page) => active && setCount(page.unread),
        () => active && setCount(null),
      );
    void poll();
    const timer = window.setInterval(() => void poll(), 30_000);
    const onRead = () => void poll();
    window.addEventListener('louyuan:inbox', onRead);
    return () => {
      active = false;
      window.clearInterval(timer);
      window.removeEventListener('louyuan:inbox', onRead);
    };
  }, [enabled]);
  return count;
}

export function InboxBell({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount(enabled);
  if (!enabled) return null;
  return (
    <Button
      type="text"
      aria-label={t('inbox.title')}
      onClick={() => void navigate('/inbox')}
      data-testid="inbox-bell"
    >
      <Badge count={unread ?? 0} size="small" data-testid="inbox-unread">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
}

/** The cases module's header item: the bell for those who may read cases. */
export default function HeaderInboxBell() {
  const { can } = useCurrentSession();
  return <InboxBell enabled={can('cases.read')} />;
}

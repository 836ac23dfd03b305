import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Empty,
  List,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/hooks';
import { AssignStaffDialog } from './AssignStaffDialog';
import { endAssignment, fetchGridStaff, type StaffAssignment } from './staffData';

/** The people on one grid: workers, leader, specialised team; assign and end for those allowed. */
export function GridStaffTab({ code, name, level }: { code: string | null; name?: string; level?: number }) {
  const { t } = useTranslation();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const staff = useQuery({
    queryKey: ['grid-staff', code, includeEnded],
    queryFn: () => fetchGridStaff(code ?? '', includeEnded),
    enabled: Boolean(code),
  });
  if (!code) return <Typography.Text type="secondary">{t('staff.pickGrid')}</Typography.Text>;
  const items = staff.data?.items ?? [];
  const hasWorker = items.some((i) => i.role === 'worker' && i.endedOn === null);
  return (
    <Space orientation="vertical" size="small" className="ly-grid-panel-body" data-testid="grid-staff">
      <Space wrap>
        <Checkbox checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)}>
          {t('staff.includeEnded')}
        </Checkbox>
        {staff.data?.allowedActions.includes('assign') && (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAssigning(true)}
            data-testid="staff-assign"
          >
            {t('staff.assign')}
          </Button>
        )}
      </Space>
      {staff.error && <Alert type="error" showIcon title={staff.error.message} />}
      {!staff.data && !staff.error && <Skeleton active paragraph={{ rows: 3 }} />}
      {staff.data && level === 4 && !hasWorker && (
        <Alert type="warning" showIcon title={t('staff.noWorker')} data-testid="staff-gap" />
      )}
      {staff.data &&
        (items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.none')} />
        ) : (
          <List
            size="small"
            dataSource={items}
            renderItem={(item) => <StaffItem item={item} onChanged={() => void staff.refetch()} />}
          />
        ))}
      {assigning && (
        <AssignStaffDialog
          gridCode={code}
          gridName={name ?? code}
          onClose={() => setAssigning(false)}
          onSaved={() => void staff.refetch()}
        />
      )}
    </Space>
  );
}

function StaffItem({ item, onChanged }: { item: StaffAssignment; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const end = async () => {
    try {
      await endAssignment(item.id);
      void message.success(t('staff.ended', { name: item.name }));
      onChanged();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <List.Item
      data-testid={`staff-${item.id}`}
      actions={
        item.allowedActions.includes('end')
          ? [
              <Popconfirm
                key="end"
                title={t('staff.endConfirm', { name: item.name })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={end}
              >
                <Button type="link" size="small" danger data-testid={`staff-end-${item.id}`}>
                  {t('staff.end')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <div className="ly-stack">
        <div className="ly-stack-line">
          <Typography.Text strong delete={item.endedOn !== null}>
            {item.name}
          </Typography.Text>
          <Tag color={item.role === 'worker' ? 'blue' : item.role === 'leader' ? 'gold' : 'purple'}>
            {t(`staff.roles.${item.role}`)}
          </Tag>
          <Tag>{t(`staff.agencies.${item.agency}`)}</Tag>
          {item.username && <Tag color="green">{item.username}</Tag>}
        </div>
        <Typography.Text type="secondary">
          {item.phoneMasked ?? t('common.none')} ·{' '}
          {item.endedOn
            ? t('staff.period', { from: item.startedOn, to: item.endedOn })
            : t('staff.since', { date: item.startedOn })}
        </Typography.Text>
        {item.duties.length > 0 && (
          <Typography.Text type="secondary">
            {item.duties.map((d) => t(`staff.dutyNames.${d}`)).join('、')}
          </Typography.Text>
        )}
      </div>
    </List.Item>
  );
}

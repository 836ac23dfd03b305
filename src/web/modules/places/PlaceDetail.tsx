import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHILD_KINDS, PLACE_KINDS } from '../../../shared/place-kinds';
import type { PlaceDetail as PlaceDetailData } from '../../app/api';
import { formatDateTime } from '../../app/i18n';
import { KindTag } from './KindTag';
import {
  CreatePlaceDialog,
  DeletePlaceDialog,
  EditPlaceDialog,
  MovePlaceDialog,
  type PlaceChange,
} from './PlaceDialogs';

type Dialog = 'edit' | 'addChild' | 'move' | 'delete' | null;

interface PlaceDetailProps {
  place: PlaceDetailData;
  loading: boolean;
  onChanged: (change: PlaceChange) => void;
}

/** One node: where it sits, its fields, what lies below it, and the actions the server allows on it. */
export function PlaceDetail({ place, loading, onChanged }: PlaceDetailProps) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const allowed = new Set(place.allowedActions);
  const canAddChild = allowed.has('createChild') && CHILD_KINDS[place.kind].length > 0;
  const counts = PLACE_KINDS.filter((k) => (place.descendantCounts[k] ?? 0) > 0);
  const none = t('common.none');

  const items = [
    {
      key: 'name',
      label: t('places.fields.name'),
      children: <span data-testid="place-detail-name">{place.name}</span>,
    },
    {
      key: 'code',
      label: t('places.fields.code'),
      children: (
        <Typography.Text copyable data-testid="place-detail-code">
          {place.code}
        </Typography.Text>
      ),
    },
    { key: 'kind', label: t('places.fields.kind'), children: t(`kinds.${place.kind}`) },
    ...(place.kind === 'compound'
      ? [
          {
            key: 'managementType',
            label: t('places.fields.managementType'),
            children: place.managementType ? t(`managementTypes.${place.managementType}`) : none,
          },
        ]
      : []),
    {
      key: 'address',
      label: t('places.fields.address'),
      children: place.address || none,
      span: 'filled' as const,
    },
    {
      key: 'coordinates',
      label: t('places.fields.coordinates'),
      children: place.lng !== null && place.lat !== null ? `${place.lng}, ${place.lat}` : none,
    },
    { key: 'childCount', label: t('places.fields.childCount'), children: place.childCount },
    {
      key: 'updatedAt',
      label: t('places.fields.updatedAt'),
      children: formatDateTime(place.updatedAt, i18n.language),
    },
    { key: 'version', label: t('places.fields.version'), children: place.version },
  ];

  const actions = (
    <Space wrap size={8} className="ly-detail-actions">
      {allowed.has('update') && (
        <Button
          icon={<EditOutlined />}
          type="primary"
          onClick={() => setDialog('edit')}
          data-testid="place-edit"
        >
          {t('places.actions.edit')}
        </Button>
      )}
      {canAddChild && (
        <Button icon={<PlusOutlined />} onClick={() => setDialog('addChild')} data-testid="place-add-child">
          {t('places.actions.addChild')}
        </Button>
      )}
      {allowed.has('move') && (
        <Button icon={<DragOutlined />} onClick={() => setDialog('move')} data-testid="place-move">
          {t('places.actions.move')}
        </Button>
      )}
      {allowed.has('delete') && (
        <Button
          icon={<DeleteOutlined />}
          danger
          onClick={() => setDialog('delete')}
          data-testid="place-delete"
        >
          {t('places.actions.delete')}
        </Button>
      )}
    </Space>
  );

  const close = () => setDialog(null);

  return (
    <Spin spinning={loading}>
      <Card className="ly-detail" data-testid="place-detail" data-code={place.code}>
        <Breadcrumb
          className="ly-breadcrumb"
          data-testid="place-breadcrumb"
          items={[
            ...place.ancestors.map((a) => ({
              key: a.code,
              title: <Link to={`/places/${a.code}`}>{a.name}</Link>,
            })),
            { key: place.code, title: place.name },
          ]}
        />
        <div className="ly-detail-head">
          <Typography.Title level={4} className="ly-detail-title" data-testid="place-title">
            {place.name}
          </Typography.Title>
          <KindTag kind={place.kind} />
        </div>
        {place.allowedActions.some((a) => a !== 'view') && actions}
        <Descriptions
          className="ly-descriptions"
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
          items={items}
        />
        <Typography.Title level={5} className="ly-section-title">
          {t('places.descendants')}
        </Typography.Title>
        {counts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.noDescendants')} />
        ) : (
          <Row gutter={[12, 12]} data-testid="place-descendants">
            {counts.map((kind) => (
              <Col key={kind} xs={12} sm={8} md={6}>
                <Card size="small" className="ly-count-card" data-testid={`descendants-${kind}`}>
                  <Statistic title={t(`kinds.${kind}`)} value={place.descendantCounts[kind] ?? 0} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {dialog === 'edit' && <EditPlaceDialog place={place} onClose={close} onChanged={onChanged} />}
      {dialog === 'addChild' && <CreatePlaceDialog place={place} onClose={close} onChanged={onChanged} />}
      {dialog === 'move' && <MovePlaceDialog place={place} onClose={close} onChanged={onChanged} />}
      {dialog === 'delete' && <DeletePlaceDialog place={place} onClose={close} onChanged={onChanged} />}
    </Spin>
  );
}

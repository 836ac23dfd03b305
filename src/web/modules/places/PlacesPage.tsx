import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useIsPhone } from '../../app/hooks';
import { useCurrentSession, useSession } from '../../app/session';
import type { PlaceChange } from './PlaceDialogs';
import { PlaceDetail } from './PlaceDetail';
import { PlaceSearch } from './PlaceSearch';
import { PlaceTree } from './PlaceTree';
import { usePlaceTree } from './usePlaceTree';

const CODE_RE = /^[0-9]{6,24}$/;

function fetchPlace(code: string) {
  return unwrap(api.GET('/api/places/{code}', { params: { path: { code } } }));
}

/** The place tree on the left (search above it), the selected node on the right; stacked on phones. */
export function PlacesPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const { user } = useCurrentSession();
  const { refresh: refreshSession } = useSession();
  const rootCode = user.place.code;
  const selectedCode = params.code ?? rootCode;
  const validCode = CODE_RE.test(selectedCode);
  const detailBox = useRef<HTMLDivElement>(null);

  const root = useQuery({ queryKey: ['place-root', rootCode], queryFn: () => fetchPlace(rootCode) });
  const detail = useQuery({
    queryKey: ['place', selectedCode],
    queryFn: () => fetchPlace(selectedCode),
    enabled: validCode,
  });
  const tree = usePlaceTree(root.data);
  const { reveal, ensureChildren, reloadChildren, refreshNode, forget } = tree;

  // Open the user's own node once it is known.
  const rootData = root.data;
  useEffect(() => {
    if (rootData) void reveal([rootData.code]).catch(() => undefined);
  }, [rootData, reveal]);

  // Expand the path down to whatever is selected (from the tree, a search result or a link).
  const detailData = detail.data;
  useEffect(() => {
    if (detailData) void reveal(detailData.ancestors.map((a) => a.code)).catch(() => undefined);
  }, [detailData, reveal]);

  const select = (code: string) => {
    void navigate(`/places/${code}`);
    if (phone) detailBox.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const onChanged = (change: PlaceChange) => {
    switch (change.type) {
      case 'reloaded':
        void refreshNode(change.place.code);
        void detail.refetch();
        break;
      case 'updated': {
        const { place, previousCode } = change;
        if (previousCode !== place.code) {
          forget(previousCode);
          void reloadChildren(place.parentCode);
          if (previousCode === rootCode) void refreshSession();
          void navigate(`/places/${place.code}`, { replace: true });
        }
        void refreshNode(place.code);
        void detail.refetch();
        break;
      }
      case 'created': {
        const parent = change.place.parentCode;
        if (parent) {
          void reloadChildren(parent).then(() => ensureChildren(parent));
          void refreshNode(parent);
        }
        void navigate(`/places/${change.place.code}`);
        break;
      }
      case 'moved': {
        for (const code of [change.fromParent, change.place.parentCode]) {
          void reloadChildren(code);
          void refreshNode(code);
        }
        void detail.refetch();
        break;
      }
      case 'deleted':
        forget(change.code);
        void reloadChildren(change.parentCode);
        void refreshNode(change.parentCode);
        void navigate(
          change.parentCode && change.code !== rootCode ? `/places/${change.parentCode}` : '/places',
          {
            replace: true,
          },
        );
        break;
    }
  };

  const notFound = !validCode || detail.error?.status === 404 || detail.error?.status === 403;
  let right;
  if (notFound) {
    right = (
      <Card>
        <Result
          status="404"
          title={t('places.notFoundTitle')}
          subTitle={t('places.notFound')}
          data-testid="place-not-found"
          extra={
            <Button type="primary" onClick={() => void navigate('/places')}>
              {t('places.backToMine')}
            </Button>
          }
        />
      </Card>
    );
  } else if (detail.error) {
    right = <Alert type="error" showIcon title={detail.error.message} />;
  } else if (detail.data && (detail.data.code === selectedCode || detail.isFetching)) {
    right = <PlaceDetail place={detail.data} loading={detail.isFetching} onChanged={onChanged} />;
  } else {
    right = (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  return (
    <div className="ly-page">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xxl={7}>
          <Card title={t('places.tree')} className="ly-tree-card" size="small">
            <PlaceSearch selectedCode={selectedCode} onSelect={select} />
            {root.error ? (
              <Alert type="error" showIcon title={root.error.message} />
            ) : (
              <PlaceTree model={tree} rootCode={rootCode} selectedCode={selectedCode} onSelect={select} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xxl={17}>
          <div ref={detailBox} className="ly-detail-box">
            {right}
          </div>
        </Col>
      </Row>
    </div>
  );
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlaceKind } from '../../app/api';

const KIND_COLOR: Record<PlaceKind, string> = {
  district: 'red',
  street: 'volcano',
  town: 'orange',
  park: 'gold',
  community: 'blue',
  village: 'cyan',
  compound: 'green',
  building: '',
};

/** The kind of a place as a small coloured tag: 社区, 楼院/小区 … */
export function KindTag({ kind }: { kind: PlaceKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOR[kind] || undefined} className="ly-kind-tag" variant="filled">
      {t(`kinds.${kind}`)}
    </Tag>
  );
}

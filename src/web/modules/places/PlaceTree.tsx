import { Spin, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../app/api';
import { KindTag } from './KindTag';
import type { PlaceTreeModel } from './usePlaceTree';

const MORE_PREFIX = 'more:';

function NodeTitle({ place }: { place: Place }) {
  const { t } = useTranslation();
  return (
    <span className="ly-tree-title" data-testid={`tree-node-${place.code}`} data-kind={place.kind}>
      <span className="ly-tree-name">{place.name}</span>
      <KindTag kind={place.kind} />
      {place.childCount > 0 && (
        <span className="ly-tree-count" title={t('places.children', { count: place.childCount })}>
          {place.childCount}
        </span>
      )}
    </span>
  );
}

interface PlaceTreeProps {
  model: PlaceTreeModel;
  rootCode: string;
  selectedCode: string;
  onSelect: (code: string) => void;
}

/** The place tree below the user's node; children load when a node is expanded, 200 at a time. */
export function PlaceTree({ model, rootCode, selectedCode, onSelect }: PlaceTreeProps) {
  const { t } = useTranslation();
  const { nodes, children, expanded } = model.state;
  const container = useRef<HTMLDivElement>(null);

  const treeData = useMemo(() => {
    const build = (code: string, seen: Set<string>): TreeDataNode | null => {
      const place = nodes[code];
      if (!place || seen.has(code)) return null;
      seen.add(code);
      const loaded = children[code];
      let kids: TreeDataNode[] | undefined;
      if (loaded) {
        kids = loaded.codes.map((c) => build(c, seen)).filter((n): n is TreeDataNode => n !== null);
        if (loaded.total > loaded.codes.length) {
          kids.push({
            key: MORE_PREFIX + code,
            isLeaf: true,
            className: 'ly-tree-more',
            title: (
              <span data-testid={`tree-more-${code}`}>
                {t('places.loadMore', { shown: loaded.codes.length, total: loaded.total })}
              </span>
            ),
          });
        }
      }
      return {
        key: code,
        title: <NodeTitle place={place} />,
        isLeaf: place.childCount === 0,
        children: kids,
      };
    };
    const root = build(rootCode, new Set());
    return root ? [root] : [];
  }, [nodes, children, rootCode, t]);

  // Bring the selected node into view once it is rendered (after a search or a link).
  useEffect(() => {
    const box = container.current;
    const node = box?.querySelector(`[data-testid="tree-node-${selectedCode}"]`);
    if (box && node) {
      const boxRect = box.getBoundingClientRect();
      const nodeRect = node.getBoundingClientRect();
      if (nodeRect.top < boxRect.top || nodeRect.bottom > boxRect.bottom) {
        box.scrollTop += nodeRect.top - boxRect.top - boxRect.height / 3;
      }
    }
  }, [selectedCode, treeData]);

  if (treeData.length === 0) {
    return (
      <div className="ly-center-pad">
        <Spin />
      </div>
    );
  }

  return (
    <div className="ly-tree-box" ref={container} data-testid="place-tree">
      <Tree
        blockNode
        showLine={{ showLeafIcon: false }}
        treeData={treeData}
        selectedKeys={[selectedCode]}
        expandedKeys={expanded}
        loadedKeys={Object.keys(children)}
        onExpand={(keys) => model.setExpanded(keys.map(String))}
        loadData={(node) => model.ensureChildren(String(node.key))}
        onSelect={(_, info) => {
          const key = String(info.node.key);
          if (key.startsWith(MORE_PREFIX)) void model.loadMore(key.slice(MORE_PREFIX.length));
          else onSelect(key);
        }}
      />
    </div>
  );
}

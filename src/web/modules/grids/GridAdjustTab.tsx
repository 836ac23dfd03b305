import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../app/api';
import { AdjustPreview } from './AdjustPreview';
import {
  fetchSiblings,
  postAdjustment,
  splitByLine,
  type AdjustmentBody,
  type AdjustmentOutcome,
  type Geometry,
} from './adjustData';
import type { GridDetail } from './gridData';

export type SplitLine = [number, number][];

/**
 * Merge the selected grid with siblings, or split it by a line drawn with two clicks on the map: each first as a
 * dry run (findings, households moving), then confirmed with a reason. Leaf grids only (the server says so too).
 */
export function GridAdjustTab({
  grid,
  line,
  drawing,
  onDraw,
  onPreview,
  onDone,
}: {
  grid: GridDetail;
  line: SplitLine;
  drawing: boolean;
  onDraw: (on: boolean) => void;
  onPreview: (geometries: Geometry[] | null) => void;
  onDone: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'merge' | 'split' | null>(null);
  const [others, setOthers] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<AdjustmentOutcome | null>(null);
  const [body, setBody] = useState<AdjustmentBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const leaf = grid.childCount === 0 && (grid.kind !== 'base' || grid.level === 4);
  const siblings = useQuery({
    queryKey: ['siblings', grid.parentCode],
    queryFn: () => fetchSiblings(grid.parentCode ?? ''),
    enabled: Boolean(grid.parentCode) && mode === 'merge',
  });

  const reset = () => {
    setOutcome(null);
    setBody(null);
    setError(null);
    onPreview(null);
  };

  // two clicks drawn: the grid cut along the line (null when the line misses it)
  const parts = useMemo(
    () =>
      mode === 'split' && line.length === 2
        ? splitByLine(grid.geometry, line[0] as [number, number], line[1] as [number, number])
        : null,
    [mode, line, grid.geometry],
  );

  const previewSplit = () => {
    if (!parts) return;
    onPreview(parts);
    void dryRun({ kind: 'split', reason: 'preview', codes: [grid.code], geometries: parts });
  };

  async function dryRun(next: AdjustmentBody) {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await postAdjustment({ ...next, dryRun: true }));
      setBody(next);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      const done = await postAdjustment({ ...body, reason: reason.trim(), dryRun: false });
      reset();
      setMode(null);
      setReason('');
      onDraw(false);
      onDone(done.updated[0] ?? done.created[0]?.code ?? grid.code);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  if (!leaf) return <Alert type="info" showIcon title={t('grids.adjust.leafOnly')} />;
  return (
    <Space orientation="vertical" className="ly-grid-panel-body" data-testid="grid-adjust">
      <Typography.Text strong>
        {grid.name} · {grid.code}
      </Typography.Text>
      <Space wrap>
        <Button
          type={mode === 'merge' ? 'primary' : 'default'}
          onClick={() => {
            reset();
            onDraw(false);
            setMode('merge');
          }}
          data-testid="adjust-merge"
        >
          {t('grids.adjust.merge')}
        </Button>
        <Button
          type={mode === 'split' ? 'primary' : 'default'}
          onClick={() => {
            reset();
            setMode('split');
            onDraw(true);
          }}
          data-testid="adjust-split"
        >
          {t('grids.adjust.splitByLine')}
        </Button>
        {mode && (
          <Button
            onClick={() => {
              reset();
              setMode(null);
              onDraw(false);
            }}
          >
            {t('common.cancel')}
          </Button>
        )}
      </Space>
      {mode === 'merge' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            placeholder={t('grids.adjust.pickSiblings')}
            value={others}
            onChange={(v) => {
              setOthers(v);
              reset();
            }}
            loading={!siblings.data && !siblings.error}
            options={(siblings.data?.items ?? [])
              .filter((s) => s.code !== grid.code && s.childCount === 0)
              .map((s) => ({ value: s.code, label: `${s.name} · ${s.code}` }))}
            data-testid="merge-siblings"
          />
          <Button
            disabled={others.length === 0}
            loading={busy}
            onClick={() =>
              void dryRun({ kind: 'merge', reason: 'preview', codes: [grid.code, ...others], geometries: [] })
            }
            data-testid="merge-preview"
          >
            {t('grids.adjust.preview')}
          </Button>
        </Space>
      )}
      {mode === 'split' && drawing && line.length < 2 && (
        <Alert type="info" showIcon title={t('grids.adjust.drawHint', { n: 2 - line.length })} />
      )}
      {mode === 'split' && line.length === 2 && !parts && (
        <Alert type="warning" showIcon title={t('grids.adjust.lineMisses')} />
      )}
      {mode === 'split' && parts && (
        <Button loading={busy} onClick={previewSplit} data-testid="split-preview">
          {t('grids.adjust.preview')}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {outcome && <AdjustPreview outcome={outcome} />}
      {outcome?.ok && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('grids.adjust.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="adjust-reason"
          />
          <Button
            type="primary"
            disabled={!reason.trim()}
            loading={busy}
            onClick={() => void confirm()}
            data-testid="adjust-confirm"
          >
            {t('grids.adjust.confirm')}
          </Button>
        </Space>
      )}
    </Space>
  );
}

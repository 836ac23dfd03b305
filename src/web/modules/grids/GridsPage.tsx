import { useQuery } from '@tanstack/react-query';
import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Drawer, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toApiError, type ApiError } from '../../app/api';
import { Forbidden } from '../../app/guards';
import { useIsPhone } from '../../app/hooks';
import { useCurrentSession } from '../../app/session';
import { GridStaffTab } from '../staff/GridStaffTab';
import type { Geometry, GridVersionFeature } from './adjustData';
import { CoveragePanel } from './CoveragePanel';
import { GridAdjustTab, type SplitLine } from './GridAdjustTab';
import { GridFilesBar } from './GridFilesBar';
import { GridHistoryTab } from './GridHistoryTab';
import {
  BASE_LAYERS,
  fetchGrid,
  fetchLayer,
  fetchLocate,
  householdBreaks,
  HOUSEHOLD_COLOURS,
  layerLevel,
  LEVEL_COLOURS,
  OVERLAY_COLOURS,
  OVERLAY_LAYERS,
  type Finding,
  type GridCollection,
  type LayerKey,
} from './gridData';
import { GridMap, type ColourBy, type GridMapHandle } from './GridMap';
import { GridPanel, type LocateState } from './GridPanel';
import './grids.css';

const LAYER_LABEL = {
  l1: 'grids.level1',
  l2: 'grids.level2',
  l3: 'grids.level3',
  l4: 'grids.level4',
  specialised: 'grids.kindSpecialised',
  economic: 'grids.kindEconomic',
  kinship: 'grids.kindKinship',
} as const satisfies Record<LayerKey, string>;

/** The grid map: layers by level and overlay kind, colouring, point lookup, grid details, coverage check. */
export function GridsPage() {
  const { capabilities } = useCurrentSession();
  if (!capabilities.includes('grids.read')) return <Forbidden />;
  return <GridsMapPage />;
}

function GridsMapPage() {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const { user, capabilities } = useCurrentSession();
  const canWrite = capabilities.includes('grids.write');
  const mapHandle = useRef<GridMapHandle>(null);
  const mounted = useRef(0);
  useEffect(() => {
    mounted.current = performance.now();
  }, []);

  // A district user starts with the level-1 outlines over the micro-grids; anyone else with all of their own levels.
  const [visible, setVisible] = useState<LayerKey[]>(() =>
    user.place.kind === 'district' ? ['l1', 'l4'] : ['l1', 'l2', 'l3', 'l4'],
  );
  const [layers, setLayers] = useState<Partial<Record<LayerKey, GridCollection>>>({});
  const [layerErrors, setLayerErrors] = useState<Partial<Record<LayerKey, ApiError>>>({});
  const pending = useRef(new Set<LayerKey>());
  const [colourBy, setColourBy] = useState<ColourBy>('households');
  // ?grid=<code> (a link from the gap list) selects that grid and flies to it once the map is drawn
  const [searchParams] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(() => searchParams.get('grid'));
  const flyOnLoad = useRef(searchParams.get('grid'));
  const [locate, setLocate] = useState<LocateState | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(() => searchParams.has('grid'));
  const [tab, setTab] = useState('grid');
  const [phoneCoverage, setPhoneCoverage] = useState(false);
  // history and adjustments: a past version on the map, a dry run's geometries, a split line being drawn
  const [pastVersion, setPastVersion] = useState<GridVersionFeature | null>(null);
  const [preview, setPreview] = useState<Geometry[] | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [line, setLine] = useState<SplitLine>([]);
  const [reloadKey, setReloadKey] = useState(0);
  const [timing, setTiming] = useState<{ drawMs: number; readyMs: number | null }>({
    drawMs: 0,
    readyMs: null,
  });

  useEffect(() => {
    for (const key of visible) {
      if (layers[key] || pending.current.has(key)) continue;
      pending.current.add(key);
      fetchLayer(key).then(
        (data) => {
          pending.current.delete(key);
          setLayers((current) => ({ ...current, [key]: data }));
        },
        (error: unknown) => {
          pending.current.delete(key);
          setLayerErrors((current) => ({ ...current, [key]: toApiError(error) }));
        },
      );
    }
  }, [visible, layers]);

  const visibleLoaded = visible.filter((key) => layers[key]);
  const allLoaded = visible.every((key) => layers[key] || layerErrors[key]);
  const total = visibleLoaded.reduce((sum, key) => sum + (layers[key]?.features.length ?? 0), 0);
  const micro = visible.includes('l4') ? (layers.l4?.features.length ?? 0) : 0;

  // Households classes over the finest base level shown (the one that is filled).
  const finestKey = [...BASE_LAYERS].reverse().find((key) => visible.includes(key));
  const finestData = finestKey ? layers[finestKey] : undefined;
  const breaks = useMemo(
    () => householdBreaks(finestData?.features.map((f) => f.properties.households) ?? []),
    [finestData],
  );

  const detail = useQuery({
    queryKey: ['grid', selected, reloadKey],
    queryFn: () => fetchGrid(selected ?? ''),
    enabled: Boolean(selected),
  });

  /** After an adjustment or an import: fetch the layers and the selected grid again. */
  const reload = useCallback((code?: string) => {
    setLayers({});
    setPreview(null);
    setPastVersion(null);
    setLine([]);
    setDrawing(false);
    setReloadKey((k) => k + 1);
    if (code) setSelected(code);
  }, []);
  const highlight = selected && detail.data?.code === selected ? detail.data.geometry : null;
  useEffect(() => {
    const [minLng = 0, minLat = 0, maxLng = 0, maxLat = 0] = detail.data?.bbox ?? [];
    if (!detail.data || detail.data.code !== flyOnLoad.current || !timing.readyMs) return;
    flyOnLoad.current = null;
    mapHandle.current?.flyTo((minLng + maxLng) / 2, (minLat + maxLat) / 2);
  }, [detail.data, timing.readyMs]);

  const onDrawn = useCallback(
    (ms: number) => {
      setTiming((current) => ({
        drawMs: ms,
        readyMs:
          current.readyMs === null && allLoaded && total > 0
            ? Math.round(performance.now() - mounted.current)
            : current.readyMs,
      }));
    },
    [allLoaded, total],
  );

  const selectGrid = useCallback(
    (code: string) => {
      if (drawing) return; // clicks draw the split line
      setSelected(code);
      setPastVersion(null);
      setPreview(null);
      setTab((current) => (current === 'staff' ? current : 'grid'));
      if (phone) setDrawerOpen(true);
    },
    [phone, drawing],
  );

  const locateAt = useCallback(
    (lng: number, lat: number) => {
      if (drawing) {
        setLine((current) => (current.length >= 2 ? [[lng, lat]] : [...current, [lng, lat]]));
        return;
      }
      setLocate({ lng, lat, loading: true });
      setTab('grid');
      if (phone) setDrawerOpen(true);
      fetchLocate(lng, lat).then(
        (result) =>
          setLocate((current) =>
            current && current.lng === lng && current.lat === lat
              ? { lng, lat, loading: false, result }
              : current,
          ),
        (error: unknown) =>
          setLocate((current) =>
            current && current.lng === lng && current.lat === lat
              ? { lng, lat, loading: false, error: toApiError(error) }
              : current,
          ),
      );
    },
    [phone, drawing],
  );

  const onFinding = (finding: Finding) => {
    const [lng, lat] = finding.location;
    if (lng === undefined || lat === undefined) return;
    mapHandle.current?.flyTo(lng, lat);
    const [first] = finding.grids;
    if (first) setSelected(first);
    setLocate(null);
  };

  const marker = useMemo<[number, number] | null>(() => (locate ? [locate.lng, locate.lat] : null), [locate]);
  const toggle = (key: LayerKey, on: boolean) =>
    setVisible((current) => (on ? [...current, key] : current.filter((k) => k !== key)));

  const panel = <GridPanel locate={locate} detail={selected ? detail : null} onSelect={selectGrid} />;
  const staffTab = <GridStaffTab code={selected} name={detail.data?.name} level={detail.data?.level} />;
  const errors = Object.values(layerErrors);
  const drawnLabel = allLoaded && total > 0;

  const legend =
    colourBy === 'households'
      ? [...breaks, Infinity].map((upper, index) => {
          const lower = index === 0 ? null : (breaks[index - 1] ?? 0);
          let label: string;
          if (lower === null) label = `< ${upper}`;
          else if (upper === Infinity) label = `≥ ${lower}`;
          else label = upper - 1 > lower ? `${lower}–${upper - 1}` : String(lower);
          return (
            <div key={upper} className="ly-legend-row">
              <span className="ly-legend-swatch" style={{ background: HOUSEHOLD_COLOURS[index] }} />
              {label}
            </div>
          );
        })
      : [1, 2, 3, 4].map((level) => (
          <div key={level} className="ly-legend-row">
            <span className="ly-legend-swatch" style={{ background: LEVEL_COLOURS[level] }} />
            {t(LAYER_LABEL[BASE_LAYERS[level - 1] ?? 'l4'])}
          </div>
        ));

  return (
    <div className="ly-page ly-grids-page">
      <div className="ly-title-row">
        <Typography.Title level={3} className="ly-page-title">
          {t('grids.title')}
        </Typography.Title>
        <Typography.Text
          type="secondary"
          data-testid="grid-loaded"
          data-total={total}
          data-micro={micro}
          data-ready={drawnLabel ? 'true' : 'false'}
          data-ready-ms={timing.readyMs ?? ''}
          data-draw-ms={timing.drawMs}
        >
          {drawnLabel ? (
            <>
              {t('grids.loaded', {
                total: total.toLocaleString(i18n.language),
                micro: micro.toLocaleString(i18n.language),
              })}
              {' · '}
              {t('grids.drawMs', { ms: timing.readyMs ?? timing.drawMs })}
            </>
          ) : (
            <Space>
              <Spin size="small" />
              {t('grids.loadingLayers')}
            </Space>
          )}
        </Typography.Text>
      </div>
      <Card size="small" className="ly-grid-toolbar">
        <Space wrap size={[16, 8]}>
          <Space wrap size={4}>
            <Typography.Text strong>{t('grids.layers')}</Typography.Text>
            {BASE_LAYERS.map((key) => (
              <Checkbox
                key={key}
                checked={visible.includes(key)}
                onChange={(e) => toggle(key, e.target.checked)}
                data-testid={`layer-${key}`}
              >
                {t(LAYER_LABEL[key])}
              </Checkbox>
            ))}
          </Space>
          <Space wrap size={4}>
            <Typography.Text strong>{t('grids.overlays')}</Typography.Text>
            {OVERLAY_LAYERS.map((key) => (
              <Checkbox
                key={key}
                checked={visible.includes(key)}
                onChange={(e) => toggle(key, e.target.checked)}
                data-testid={`layer-${key}`}
              >
                <span className="ly-overlay-label" style={{ borderColor: OVERLAY_COLOURS[key] }}>
                  {t(LAYER_LABEL[key])}
                </span>
              </Checkbox>
            ))}
          </Space>
          <Space size={4}>
            <Typography.Text strong>{t('grids.colourBy')}</Typography.Text>
            <Segmented<ColourBy>
              size="small"
              value={colourBy}
              onChange={setColourBy}
              options={[
                { value: 'households', label: t('grids.byHouseholds') },
                { value: 'level', label: t('grids.byLevel') },
              ]}
              data-testid="colour-by"
            />
          </Space>
          <GridFilesBar canWrite={canWrite} onImported={() => reload()} />
          <Button
            size="small"
            icon={<AimOutlined />}
            onClick={() => mapHandle.current?.fit()}
            data-testid="grid-fit"
          >
            {t('grids.fit')}
          </Button>
        </Space>
      </Card>
      {errors.map((error, index) => (
        <Alert key={index} type="error" showIcon title={error.message} className="ly-banner" />
      ))}
      <div className="ly-grids-body">
        <div className="ly-grid-map-box">
          <GridMap
            ref={mapHandle}
            layers={layers}
            visible={visible}
            colourBy={colourBy}
            breaks={breaks}
            highlight={highlight}
            marker={marker}
            pastVersion={pastVersion}
            preview={preview}
            line={line}
            onGridClick={selectGrid}
            onMapClick={locateAt}
            onDrawn={onDrawn}
          />
          <div className="ly-grid-legend" data-testid="grid-legend">
            <div className="ly-legend-title">
              {colourBy === 'households' ? t('grids.households') : t('grids.level')}
            </div>
            {legend}
            {layerLevel('l4') !== undefined && visible.some((k) => !layerLevel(k)) && (
              <div className="ly-legend-note">{t('grids.overlays')}: - - -</div>
            )}
          </div>
        </div>
        {phone ? (
          <>
            <Drawer
              placement="bottom"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={460}
              title={t('grids.panelTab')}
              styles={{ body: { padding: 12 } }}
            >
              <div data-testid="grid-panel">
                {panel}
                {selected && staffTab}
              </div>
            </Drawer>
            <Card size="small" className="ly-grid-side">
              <Space orientation="vertical" className="ly-grid-panel-body">
                <Typography.Text type="secondary">{t('grids.clickHint')}</Typography.Text>
                <Button block onClick={() => setPhoneCoverage(true)} data-testid="coverage-open">
                  {t('grids.coverageTab')}
                </Button>
                {phoneCoverage && <CoveragePanel onFinding={onFinding} />}
              </Space>
            </Card>
          </>
        ) : (
          <Card size="small" className="ly-grid-side" data-testid="grid-panel">
            <Tabs
              activeKey={tab}
              onChange={(key) => {
                setTab(key);
                if (key !== 'adjust') {
                  setDrawing(false);
                  setLine([]);
                  setPreview(null);
                }
              }}
              items={[
                { key: 'grid', label: t('grids.panelTab'), children: panel },
                ...(selected
                  ? [
                      {
                        key: 'history',
                        label: <span data-testid="history-open">{t('grids.adjust.historyTab')}</span>,
                        children: (
                          <GridHistoryTab code={selected} reloadKey={reloadKey} onShow={setPastVersion} />
                        ),
                      },
                    ]
                  : []),
                ...(selected && canWrite && detail.data?.code === selected
                  ? [
                      {
                        key: 'adjust',
                        label: <span data-testid="adjust-open">{t('grids.adjust.tab')}</span>,
                        children: (
                          <GridAdjustTab
                            grid={detail.data}
                            line={line}
                            drawing={drawing}
                            onDraw={(on) => {
                              setDrawing(on);
                              setLine([]);
                            }}
                            onPreview={setPreview}
                            onDone={(code) => reload(code)}
                          />
                        ),
                      },
                    ]
                  : []),
                {
                  key: 'staff',
                  label: <span data-testid="staff-tab">{t('staff.tab')}</span>,
                  children: staffTab,
                },
                {
                  key: 'coverage',
                  label: <span data-testid="coverage-open">{t('grids.coverageTab')}</span>,
                  children: <CoveragePanel onFinding={onFinding} />,
                },
              ]}
            />
          </Card>
        )}
      </div>
    </div>
  );
}

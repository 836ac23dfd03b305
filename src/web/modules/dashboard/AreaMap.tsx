import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import Supercluster, { type AnyProps } from 'supercluster';
import { householdBreaks } from '../grids/gridData';
import {
  BETTER_COLOURS,
  classColour,
  formatValue,
  mapFigureHigherIsBetter,
  mapFigureUnit,
  NO_VALUE_COLOUR,
  WORSE_COLOURS,
  type DashboardMap,
  type MapPin,
} from './dashboardData';

// The same setup as the grid map: WGS-84 coordinates as the API gives them, no tiles unless a tile server is
// configured (the district draws offline from its own outlines).
const tileUrl: unknown = import.meta.env.VITE_TILE_URL;

/** Above this many pins, nearby ones are drawn as one counted circle (supercluster). */
const CLUSTER_FROM = 50;

export interface LegendClass {
  colour: string;
  label: string;
}

/** The colour classes of the map's figure: quantile breaks over the areas' values, palette by direction. */
export function useMapClasses(data: DashboardMap | undefined) {
  return useMemo(() => {
    if (!data) return { breaks: [] as number[], palette: WORSE_COLOURS, legend: [] as LegendClass[] };
    const values = data.areas.flatMap((a) => (a.value === null ? [] : [a.value]));
    const breaks = householdBreaks(values);
    const palette = mapFigureHigherIsBetter(data.figure) ? BETTER_COLOURS : WORSE_COLOURS;
    const unit = mapFigureUnit(data.figure);
    const legend: LegendClass[] = [];
    if (values.length > 0) {
      const min = Math.min(...values);
      const max = Math.max(...values);
      const bounds = [min, ...breaks, max];
      const classes = Math.max(1, breaks.length + 1);
      for (let i = 0; i < classes; i++) {
        const low = bounds[i] ?? min;
        const high = bounds[i + 1] ?? max;
        if (i > 0 && low === max) break;
        legend.push({
          colour: classColour(low, breaks, palette),
          label:
            low === high ? formatValue(low, unit) : `${formatValue(low, unit)} – ${formatValue(high, unit)}`,
        });
      }
    }
    return { breaks, palette, legend };
  }, [data]);
}

interface AreaMapProps {
  data: DashboardMap | undefined;
  /** Label of the figure for tooltips. */
  figureLabel: string;
  onDrill: (code: string) => void;
  dark?: boolean;
  className?: string;
  testId: string;
  /** Tooltip line of a pin, in the UI language. */
  pinLabel: (pin: MapPin) => string;
}

/**
 * The viewer's child grids coloured by one figure (SVG paths: few areas, and each one a clickable element),
 * case pins on top, clustered when many.
 */
export function AreaMap({
  data,
  figureLabel,
  onDrill,
  dark = false,
  className,
  testId,
  pinLabel,
}: AreaMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const callbacks = useRef({ onDrill, pinLabel });
  useEffect(() => {
    callbacks.current = { onDrill, pinLabel };
  });
  const classes = useMapClasses(data);

  useEffect(() => {
    if (!box.current) return;
    const map = L.map(box.current, {
      attributionControl: false,
      // the wall screen is not touched: no zoom buttons on it
      zoomControl: !dark,
      zoomSnap: 0.25,
      center: [34.72, 113.62],
      zoom: 12,
    });
    if (typeof tileUrl === 'string' && tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
    };
    // the map is made once; `dark` never changes for a mounted map
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The areas, fitted into view whenever the data changes (a drill, another figure, a new period).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !data) return;
    const unit = mapFigureUnit(data.figure);
    const group = L.featureGroup();
    for (const area of data.areas) {
      const layer = L.geoJSON(area.geometry, {
        style: {
          color: dark ? '#9fb3c8' : '#5b6b7f',
          weight: 1,
          fillColor:
            area.value === null ? NO_VALUE_COLOUR : classColour(area.value, classes.breaks, classes.palette),
          fillOpacity: 0.75,
          className: `ly-area ly-area-${area.code}${area.drillable ? ' ly-area-drillable' : ''}`,
        },
      });
      const tooltip = document.createElement('div');
      const name = document.createElement('strong');
      name.textContent = area.name;
      tooltip.append(name, document.createElement('br'), `${figureLabel}: ${formatValue(area.value, unit)}`);
      layer.bindTooltip(tooltip, { sticky: true });
      if (area.drillable) layer.on('click', () => callbacks.current.onDrill(area.code));
      group.addLayer(layer);
    }
    group.addTo(map);
    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => {
      group.remove();
    };
  }, [data, classes, figureLabel, dark]);

  // Case pins: one circle each, or supercluster's clusters for the current view when there are many.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !data || data.pins.length === 0) return;
    const group = L.layerGroup().addTo(map);
    const pinMarker = (pin: MapPin) =>
      L.circleMarker([pin.lat, pin.lng], {
        radius: 4,
        weight: 1,
        color: '#ffffff',
        fillColor: pin.overdue ? '#e8002d' : '#1f5fbf',
        fillOpacity: 1,
        className: 'ly-pin',
      }).bindTooltip(callbacks.current.pinLabel(pin));
    if (data.pins.length < CLUSTER_FROM) {
      for (const pin of data.pins) group.addLayer(pinMarker(pin));
      return () => {
        group.remove();
      };
    }
    const index = new Supercluster<MapPin, AnyProps>({ radius: 48, maxZoom: 17 });
    index.load(
      data.pins.map((pin) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [pin.lng, pin.lat] },
        properties: pin,
      })),
    );
    const draw = () => {
      group.clearLayers();
      const b = map.getBounds();
      const clusters = index.getClusters(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        Math.round(map.getZoom()),
      );
      for (const feature of clusters) {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        const props = feature.properties;
        if ('cluster' in props && props.cluster) {
          const count = props.point_count as number;
          const size = count < 10 ? 26 : count < 100 ? 32 : 40;
          const icon = L.divIcon({
            html: `<span>${count}</span>`,
            className: 'ly-pin-cluster',
            iconSize: [size, size],
          });
          const marker = L.marker([lat, lng], { icon });
          const clusterId = props.cluster_id as number;
          marker.on('click', () =>
            map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18), {
              animate: false,
            }),
          );
          group.addLayer(marker);
        } else {
          group.addLayer(pinMarker(props as MapPin));
        }
      }
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
      group.remove();
    };
  }, [data]);

  return (
    <div className={`ly-dash-map-box ${className ?? ''}`}>
      <div ref={box} className="ly-dash-map" data-testid={testId} />
      {classes.legend.length > 0 && (
        <div
          className={`ly-grid-legend ly-dash-legend${dark ? ' ly-dash-legend-dark' : ''}`}
          data-testid={`${testId}-legend`}
        >
          <div className="ly-legend-title">{figureLabel}</div>
          {classes.legend.map((c) => (
            <div key={c.label} className="ly-legend-row">
              <span className="ly-legend-swatch" style={{ background: c.colour }} />
              {c.label}
            </div>
          ))}
          {data?.areas.some((a) => a.value === null) && (
            <div className="ly-legend-row">
              <span className="ly-legend-swatch" style={{ background: NO_VALUE_COLOUR }} />—
            </div>
          )}
        </div>
      )}
    </div>
  );
}

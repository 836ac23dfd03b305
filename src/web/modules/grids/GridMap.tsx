import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoJsonObject } from 'geojson';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import {
  DRAW_ORDER,
  householdColour,
  layerLevel,
  LEVEL_COLOURS,
  OVERLAY_COLOURS,
  type GridCollection,
  type GridProps,
  type LayerKey,
} from './gridData';

export type ColourBy = 'households' | 'level';

export interface GridMapHandle {
  fit: () => void;
  flyTo: (lng: number, lat: number) => void;
}

export interface GridMapProps {
  ref?: Ref<GridMapHandle>;
  layers: Partial<Record<LayerKey, GridCollection>>;
  visible: readonly LayerKey[];
  colourBy: ColourBy;
  breaks: readonly number[];
  highlight: GeoJsonObject | null;
  marker: [number, number] | null;
  /** A past version of a grid (history), drawn dashed. */
  pastVersion?: GeoJsonObject | null;
  /** Proposed geometries of an adjustment (dry run), drawn filled. */
  preview?: readonly GeoJsonObject[] | null;
  /** A split line being drawn: its clicked points [lng, lat]. */
  line?: readonly [number, number][];
  onGridClick: (code: string) => void;
  onMapClick: (lng: number, lat: number) => void;
  /** Called after the visible layers have been (re)drawn, with the time it took. */
  onDrawn: (ms: number) => void;
}

const tileUrl: unknown = import.meta.env.VITE_TILE_URL;

/** The finest base level shown: only its grids take clicks (coarser outlines would cover them). */
function finestLevel(visible: readonly LayerKey[]): number {
  let finest = 0;
  for (const key of visible) finest = Math.max(finest, layerLevel(key) ?? 0);
  return finest;
}

function styleFor(
  props: GridProps,
  key: LayerKey,
  finest: number,
  colourBy: ColourBy,
  breaks: readonly number[],
): L.PathOptions {
  const level = layerLevel(key);
  if (level === undefined) {
    return {
      color: OVERLAY_COLOURS[key] ?? '#555555',
      weight: 1.5,
      dashArray: '5 4',
      fill: false,
      interactive: false,
    };
  }
  const filled = level === finest;
  const fillColor =
    colourBy === 'households'
      ? householdColour(props.households, breaks)
      : (LEVEL_COLOURS[level] ?? '#999999');
  return {
    color: filled && level === 4 ? '#6b7a8f' : (LEVEL_COLOURS[level] ?? '#333333'),
    weight: filled ? (level === 4 ? 0.5 : 1) : 4.5 - level,
    opacity: filled && level === 4 ? 0.8 : 1,
    fill: filled,
    fillColor,
    fillOpacity: colourBy === 'households' ? 0.75 : 0.35,
    interactive: filled,
  };
}

/** A Leaflet map on the canvas renderer; draws the loaded GeoJSON layers without any tiles by default. */
export function GridMap({
  ref,
  layers,
  visible,
  colourBy,
  breaks,
  highlight,
  marker,
  pastVersion = null,
  preview = null,
  line = NO_LINE,
  onGridClick,
  onMapClick,
  onDrawn,
}: GridMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const drawn = useRef(new Map<LayerKey, { data: GridCollection; layer: L.GeoJSON<GridProps> }>());
  const fitted = useRef(false);
  const callbacks = useRef({ onGridClick, onMapClick, onDrawn });
  useEffect(() => {
    callbacks.current = { onGridClick, onMapClick, onDrawn };
  });

  useEffect(() => {
    if (!box.current) return;
    const map = L.map(box.current, {
      preferCanvas: true,
      attributionControl: false,
      zoomSnap: 0.25,
      center: [34.72, 113.62],
      zoom: 12,
    });
    if (typeof tileUrl === 'string' && tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => callbacks.current.onMapClick(e.latlng.lng, e.latlng.lat));
    mapRef.current = map;
    const layersDrawn = drawn.current;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      layersDrawn.clear();
    };
  }, []);

  const fit = () => {
    const map = mapRef.current;
    if (!map) return;
    let bounds: L.LatLngBounds | undefined;
    for (const { layer } of drawn.current.values()) {
      const b = layer.getBounds();
      if (!b.isValid()) continue;
      bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
    }
    if (bounds) map.fitBounds(bounds, { padding: [8, 8], animate: false });
  };

  useImperativeHandle(ref, () => ({
    fit,
    flyTo: (lng, lat) => mapRef.current?.flyTo([lat, lng], 17, { duration: 0.6 }),
  }));

  // Draw the visible layers in a fixed order (micro-grids under the outlines); restyle what is already drawn.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const started = performance.now();
    const finest = finestLevel(visible);
    for (const [key, entry] of drawn.current) {
      if (!visible.includes(key) || layers[key] !== entry.data) {
        entry.layer.remove();
        drawn.current.delete(key);
      }
    }
    const wanted = DRAW_ORDER.filter((key) => visible.includes(key) && layers[key]);
    // Keep the order: everything after the first missing layer is drawn again above it.
    const firstMissing = wanted.findIndex((key) => !drawn.current.has(key));
    if (firstMissing !== -1) {
      for (const key of wanted.slice(firstMissing)) {
        drawn.current.get(key)?.layer.remove();
        drawn.current.delete(key);
      }
    }
    for (const key of wanted) {
      const data = layers[key];
      if (!data) continue;
      const existing = drawn.current.get(key);
      if (existing) {
        existing.layer.setStyle((f) => styleFor(f?.properties ?? emptyProps, key, finest, colourBy, breaks));
        continue;
      }
      const layer = L.geoJSON<GridProps>(data, {
        style: (f) => styleFor(f?.properties ?? emptyProps, key, finest, colourBy, breaks),
        onEachFeature: (feature, featureLayer) => {
          featureLayer.on('click', () => callbacks.current.onGridClick(feature.properties.code));
        },
      });
      layer.addTo(map);
      drawn.current.set(key, { data, layer });
    }
    if (!fitted.current && drawn.current.size > 0) {
      fitted.current = true;
      fit();
    }
    // Report once the canvas has painted the frame.
    requestAnimationFrame(() => callbacks.current.onDrawn(Math.round(performance.now() - started)));
  }, [layers, visible, colourBy, breaks]);

  // The selected grid, outlined above everything.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !highlight) return;
    const layer = L.geoJSON(highlight, {
      style: { color: '#ff2d55', weight: 3, fill: false, interactive: false },
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [highlight]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !pastVersion) return;
    const layer = L.geoJSON(pastVersion, {
      style: {
        color: '#7b2cbf',
        weight: 3,
        dashArray: '6 4',
        fill: true,
        fillOpacity: 0.1,
        interactive: false,
      },
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [pastVersion]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !preview || preview.length === 0) return;
    const colours = ['#0077b6', '#f77f00', '#2a9d8f', '#e63946'];
    const layers = preview.map((geometry, i) =>
      L.geoJSON(geometry, {
        style: {
          color: colours[i % colours.length] ?? '#0077b6',
          weight: 2,
          fillOpacity: 0.3,
          interactive: false,
        },
      }).addTo(map),
    );
    return () => {
      for (const layer of layers) layer.remove();
    };
  }, [preview]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || line.length === 0) return;
    const points = line.map(([lng, lat]) => L.latLng(lat, lng));
    const group = L.layerGroup([
      ...points.map((p) => L.circleMarker(p, { radius: 5, color: '#111111', interactive: false })),
      ...(points.length > 1 ? [L.polyline(points, { color: '#111111', weight: 2, interactive: false })] : []),
    ]).addTo(map);
    return () => {
      group.remove();
    };
  }, [line]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !marker) return;
    const [lng, lat] = marker;
    const circle = L.circleMarker([lat, lng], {
      radius: 7,
      color: '#ffffff',
      weight: 2,
      fillColor: '#e8002d',
      fillOpacity: 1,
      interactive: false,
    }).addTo(map);
    return () => {
      circle.remove();
    };
  }, [marker]);

  return <div ref={box} className="ly-grid-map" data-testid="grid-map" />;
}

const NO_LINE: readonly [number, number][] = [];

const emptyProps: GridProps = { code: '', name: '', level: 0, kind: 'base', parentCode: null, households: 0 };

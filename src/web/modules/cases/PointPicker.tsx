import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { InputNumber, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';

const tileUrl: unknown = import.meta.env.VITE_TILE_URL;

export interface Point {
  lng: number;
  lat: number;
}

interface PointPickerProps {
  value: Point | null;
  onChange: (point: Point) => void;
  /** Draw the grid outlines the account may see (staff); the public page has none. */
  showGrids?: boolean;
  height?: number;
}

/**
 * A small map to tap the place of a problem (canvas, offline: grid outlines instead of tiles unless a tile
 * server is configured) plus the longitude and latitude as numbers for typing or pasting.
 */
export function PointPicker({ value, onChange, showGrids = false, height = 220 }: PointPickerProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.CircleMarker | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (!box.current) return;
    const map = L.map(box.current, {
      preferCanvas: true,
      attributionControl: false,
      center: [34.72, 113.62],
      zoom: 12,
    });
    if (typeof tileUrl === 'string' && tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) =>
      onChangeRef.current({
        lng: Math.round(e.latlng.lng * 1e6) / 1e6,
        lat: Math.round(e.latlng.lat * 1e6) / 1e6,
      }),
    );
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(box.current);
    let active = true;
    if (showGrids) {
      unwrap(api.GET('/api/grids/geojson', { params: { query: { level: 4 } } })).then(
        (data) => {
          if (!active || data.features.length === 0) return;
          const layer = L.geoJSON(data as unknown as GeoJSON.FeatureCollection, {
            style: { color: '#1f5fbf', weight: 1, fillOpacity: 0.04 },
            interactive: false,
          }).addTo(map);
          if (!markerRef.current) map.fitBounds(layer.getBounds(), { maxZoom: 17 });
        },
        () => undefined,
      );
    }
    return () => {
      active = false;
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, [showGrids]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    markerRef.current?.remove();
    markerRef.current = null;
    if (value) {
      markerRef.current = L.circleMarker([value.lat, value.lng], {
        radius: 8,
        color: '#cf1322',
        weight: 3,
        fillOpacity: 0.5,
        interactive: false,
      }).addTo(map);
      if (!map.getBounds().pad(-0.2).contains([value.lat, value.lng])) {
        map.setView([value.lat, value.lng], Math.max(map.getZoom(), 16));
      }
    }
  }, [value]);

  return (
    <div className="ly-point-picker">
      <div ref={box} style={{ height, width: '100%' }} data-testid="point-map" />
      <Typography.Text type="secondary" className="ly-point-hint">
        {t('cases.form.mapHint')}
      </Typography.Text>
      <Space wrap>
        <InputNumber
          addonBefore={t('cases.form.lng')}
          value={value?.lng ?? null}
          step={0.0001}
          min={-180}
          max={180}
          onChange={(lng) => lng !== null && onChange({ lng, lat: value?.lat ?? 34.72 })}
          data-testid="case-lng"
          style={{ width: 190 }}
        />
        <InputNumber
          addonBefore={t('cases.form.lat')}
          value={value?.lat ?? null}
          step={0.0001}
          min={-90}
          max={90}
          onChange={(lat) => lat !== null && onChange({ lat, lng: value?.lng ?? 113.62 })}
          data-testid="case-lat"
          style={{ width: 190 }}
        />
      </Space>
    </div>
  );
}

import Type from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { PERIODS, RANKINGS } from './dashboard.area.js';

const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'a day, YYYY-MM-DD (Beijing)',
});

const areaAndPeriod = {
  place: Type.Optional(
    Type.String({
      pattern: '^[0-9]{6,24}$',
      description: 'a district, street or community code (default: mine)',
    }),
  ),
  grid: Type.Optional(
    Type.String({ pattern: '^[0-9]{6,30}$', description: 'a grid code (instead of place)' }),
  ),
  period: Type.Optional(Type.Enum([...PERIODS], { description: 'default month' })),
  from: Type.Optional({ ...Day, description: 'first day of a custom period (inclusive)' }),
  to: Type.Optional({ ...Day, description: 'last day of a custom period (inclusive)' }),
};
const example = { period: 'month' };

export const DashboardQuery = Type.Object(areaAndPeriod, {
  additionalProperties: false,
  examples: [example],
});
export const TrendQuery = Type.Object(
  {
    ...areaAndPeriod,
    by: Type.Optional(Type.Enum(['day', 'week', 'month'], { description: 'default day' })),
  },
  { additionalProperties: false, examples: [{ ...example, by: 'day' }] },
);
export const RankingsQuery = Type.Object(
  {
    ...areaAndPeriod,
    by: Type.Optional(Type.Enum([...RANKINGS], { description: 'default: the first allowed' })),
  },
  { additionalProperties: false, examples: [example] },
);
const MapFigure = Type.Enum(['casesPer1000', 'overdue', 'onTimeClosureRate']);
export const MapQuery = Type.Object(
  { ...areaAndPeriod, figure: Type.Optional(MapFigure) },
  { additionalProperties: false, examples: [{ ...example, figure: 'casesPer1000' }] },
);
export const ExportQuery = Type.Object(
  {
    ...areaAndPeriod,
    section: Type.Enum(['overview', 'trend', 'categories', 'rankings', 'map', 'overdue', 'supervised'], {
      description: 'overdue / supervised: the watch list whole (cases now, the period does not apply)',
    }),
    by: Type.Optional(
      Type.Enum(['day', 'week', 'month', ...RANKINGS], { description: 'trend bucket or ranking subject' }),
    ),
    figure: Type.Optional(MapFigure),
  },
  { additionalProperties: false, examples: [{ ...example, section: 'overview' }] },
);

const Crumb = Type.Object({
  kind: Type.Enum(['place', 'grid', 'grids']),
  code: Type.String(),
  name: Type.String(),
});
const Area = Type.Object({
  kind: Type.Enum(['place', 'grid', 'grids']),
  code: Nullable(Type.String()),
  name: Type.String(),
  level: Type.String(),
  breadcrumb: Type.Array(Crumb, { description: 'from my own area (first: no place or grid parameter) down' }),
  rankings: Type.Array(Type.Enum([...RANKINGS])),
});
const Period = Type.Object({
  key: Type.Enum([...PERIODS]),
  from: Day,
  to: Day,
  previousFrom: Day,
  previousTo: Day,
});
const Figure = Type.Object({
  key: Type.String(),
  label: Type.String(),
  unit: Type.Enum(['count', 'rate', 'hours', 'average']),
  value: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  higherIsBetter: Nullable(Type.Boolean()),
});
export const OverviewSchema = Type.Object({
  area: Area,
  period: Period,
  asOf: Nullable(
    Type.String({ format: 'date-time', description: 'when the case rollups were last brought up to date' }),
  ),
  groups: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), figures: Type.Array(Figure) })),
});
const Rate = Nullable(Type.Number({ description: '0..1, null without cases' }));
export const TrendSchema = Type.Object({
  by: Type.Enum(['day', 'week', 'month']),
  points: Type.Array(
    Type.Object({
      bucket: Day,
      reported: Type.Integer(),
      handled: Type.Integer(),
      closed: Type.Integer(),
      onTimeHandlingRate: Rate,
      satisfactionRate: Rate,
    }),
  ),
});
export const CategoriesSchema = Type.Object({
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      reported: Type.Integer(),
      handled: Type.Integer(),
      onTimeHandlingRate: Rate,
      satisfactionRate: Rate,
      share: Rate,
    }),
  ),
});
export const RankingsSchema = Type.Object({
  by: Type.Enum([...RANKINGS]),
  formula: Type.String(),
  minCases: Type.Integer({ description: 'fewer cases reported in the period than this: not ranked' }),
  rows: Type.Array(
    Type.Object({
      rank: Nullable(Type.Integer({ description: 'null: too few cases in the period to be ranked' })),
      code: Type.String(),
      name: Type.String(),
      score: Nullable(Type.Number()),
      reported: Type.Integer(),
      handled: Type.Integer(),
      acceptanceRate: Rate,
      onTimeHandlingRate: Rate,
      onTimeClosureRate: Rate,
      reworkRate: Rate,
      satisfactionRate: Rate,
    }),
  ),
});
export const MapSchema = Type.Object({
  figure: MapFigure,
  areas: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      level: Type.Integer(),
      households: Type.Integer(),
      value: Nullable(Type.Number()),
      reported: Type.Integer(),
      overdue: Type.Integer(),
      drillable: Type.Boolean(),
      geometry: Type.Object(
        { type: Type.Enum(['Polygon', 'MultiPolygon']), coordinates: Type.Array(Type.Unknown()) },
        { description: 'GeoJSON geometry, WGS-84' },
      ),
    }),
  ),
  pins: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      lng: Type.Number(),
      lat: Type.Number(),
      status: Type.String(),
      overdue: Type.Boolean(),
      category: Type.String(),
    }),
  ),
  pinsTruncated: Type.Boolean({ description: 'more open cases than the pins sent (the newest are sent)' }),
});

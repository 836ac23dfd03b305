import Type from 'typebox';
import { Nullable } from '../../../http/schemas.js';
import { RANKINGS } from '../../dashboard/dashboard.area.js';
import { areaAndPeriod, Day, example } from '../../dashboard/dashboard.schema.js';

/** The case views of the command dashboard: trend, categories, rankings, map. */
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
export const MapFigure = Type.Enum(['casesPer1000', 'overdue', 'onTimeClosureRate']);
export const MapQuery = Type.Object(
  { ...areaAndPeriod, figure: Type.Optional(MapFigure) },
  { additionalProperties: false, examples: [{ ...example, figure: 'casesPer1000' }] },
);
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

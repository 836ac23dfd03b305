import Type, { type TSchema } from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { PERIODS, RANKINGS } from './dashboard.area.js';

export const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'a day, YYYY-MM-DD (Beijing)',
});

export const areaAndPeriod = {
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
export const example = { period: 'month' };

export const DashboardQuery = Type.Object(areaAndPeriod, {
  additionalProperties: false,
  examples: [example],
});
/** The export's query, built when the routes are registered: the sections and parameters of the installed sheets. */
export const exportQuery = (sections: string[], parameters: Record<string, TSchema>) =>
  Type.Object(
    {
      ...areaAndPeriod,
      ...parameters,
      section: Type.Enum(sections as [string, ...string[]], {
        description:
          'overview, or a sheet a module contributes (overdue / supervised: the watch list whole, now)',
      }),
    },
    { additionalProperties: false, examples: [{ ...example, section: 'overview' }] },
  );

export const Crumb = Type.Object({
  kind: Type.Enum(['place', 'grid', 'grids']),
  code: Type.String(),
  name: Type.String(),
});
export const Area = Type.Object({
  kind: Type.Enum(['place', 'grid', 'grids']),
  code: Nullable(Type.String()),
  name: Type.String(),
  level: Type.String(),
  breadcrumb: Type.Array(Crumb, { description: 'from my own area (first: no place or grid parameter) down' }),
  rankings: Type.Array(Type.Enum([...RANKINGS])),
});
export const Period = Type.Object({
  key: Type.Enum([...PERIODS]),
  from: Day,
  to: Day,
  previousFrom: Day,
  previousTo: Day,
});
export const Figure = Type.Object({
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

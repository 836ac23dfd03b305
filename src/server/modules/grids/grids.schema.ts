import { GRID_ACTIONS } from './grids.policy.js';
import Type from 'typebox';
import { Nullable, PageQuery, Paged } from '../../http/schemas.js';

export const GRID_KINDS = ['base', 'specialised', 'economic', 'kinship'] as const;
export const GridKindSchema = Type.Enum(GRID_KINDS);
const CodeSchema = Type.String({ pattern: '^[0-9]{6,24}$' });

export const GridRef = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer({ description: '1, 2, 3, or 4 for a micro-grid' }),
  kind: GridKindSchema,
});

export const GridSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  kind: GridKindSchema,
  parentCode: Nullable(Type.String()),
  place: Type.Object({ code: Type.String(), name: Type.String() }),
  leadUnit: Nullable(Type.String()),
  areaM2: Type.Number(),
  households: Type.Integer(),
  bbox: Type.Array(Type.Number(), {
    minItems: 4,
    maxItems: 4,
    description: '[minLng, minLat, maxLng, maxLat]',
  }),
  childCount: Type.Integer(),
  version: Type.Integer(),
});

export const GridDetailSchema = Type.Object({
  ...GridSchema.properties,
  chain: Type.Array(GridRef, { description: 'Ancestors the reader may see, from the parent upwards' }),
  geometry: Type.Object(
    { type: Type.Enum(['Polygon', 'MultiPolygon']), coordinates: Type.Array(Type.Unknown()) },
    { description: 'WGS-84 GeoJSON geometry' },
  ),
  allowedActions: Type.Array(Type.Enum(GRID_ACTIONS), { description: 'What the reader may do to this grid' }),
});

export const GridPage = Paged(GridSchema);

export const GridCodeParams = Type.Object({ code: CodeSchema }, { additionalProperties: false });

export const GridListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: 'Name or code prefix' })),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
    kind: Type.Optional(GridKindSchema),
    within: Type.Optional(
      Type.String({ pattern: '^[0-9]{6,24}$', description: 'A place code: grids of that subtree' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ChildrenQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

const Crs = Type.Optional(
  Type.Enum(['wgs84', 'gcj02'], { default: 'wgs84', description: 'Phones in China report GCJ-02' }),
);

export const LocateQuery = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Crs,
  },
  { additionalProperties: false },
);

export const LocateResult = Type.Object({
  lng: Type.Number({ description: 'WGS-84 longitude used' }),
  lat: Type.Number(),
  microGrid: Nullable(GridRef),
  chain: Type.Array(GridRef, { description: 'From the micro-grid up to level 1' }),
  overlays: Type.Array(GridRef),
  compound: Nullable(
    Type.Object(
      { code: Type.String(), name: Type.String() },
      { description: 'The compound (小区/院落) whose outline holds the point' },
    ),
  ),
});

export const LocateBatchBody = Type.Object(
  {
    crs: Crs,
    points: Type.Array(
      Type.Object(
        {
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false, examples: [{ crs: 'wgs84', points: [{ lng: 113.62, lat: 34.72 }] }] },
);

export const LocateBatchResult = Type.Object({
  results: Type.Array(
    Type.Union([LocateResult, Type.Object({ lng: Type.Number(), lat: Type.Number(), error: Type.String() })]),
  ),
});

export const CoverageSchema = Type.Object({
  counts: Type.Record(Type.String(), Type.Integer(), {
    description: 'Grids per kind/level that the reader may see',
  }),
  byType: Type.Record(Type.String(), Type.Integer()),
  geometryFindings: Type.Integer({
    description: 'Gaps, overlaps, outside and invalid: the map itself is wrong',
  }),
  findings: Type.Array(
    Type.Object({
      type: Type.Enum([
        'gap',
        'overlap',
        'outside_parent',
        'outside_district',
        'invalid_polygon',
        'households_out_of_range',
      ]),
      grids: Type.Array(Type.String()),
      areaM2: Type.Number(),
      location: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
      detail: Type.String(),
    }),
  ),
  ms: Type.Integer(),
});

export const GeoJsonQuery = Type.Object(
  {
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
    kind: Type.Optional(GridKindSchema),
    within: Type.Optional(
      Type.String({ pattern: '^[0-9]{6,24}$', description: 'A place code: grids of that subtree' }),
    ),
  },
  { additionalProperties: false },
);

export const GridFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({
        type: Type.Enum(['Polygon', 'MultiPolygon']),
        coordinates: Type.Array(Type.Unknown()),
      }),
      properties: Type.Object({
        code: Type.String(),
        name: Type.String(),
        level: Type.Integer(),
        kind: GridKindSchema,
        parentCode: Nullable(Type.String()),
        households: Type.Integer(),
      }),
    }),
  ),
});

// ---- adjustments (grids.adjust.ts) -------------------------------------------------------------------------------

/** [lng, lat] (a third value, an altitude, is allowed and ignored). */
const PositionSchema = Type.Array(Type.Number({ minimum: -180, maximum: 180 }), { minItems: 2, maxItems: 3 });
/** A closed ring: at least four positions, the first repeated last (checked with the findings). */
const RingSchema = Type.Array(PositionSchema, { minItems: 4, maxItems: 100_000 });
const PolygonRingsSchema = Type.Array(RingSchema, { minItems: 1, maxItems: 1_000 });

/**
 * The shape of a WGS-84 GeoJSON Polygon or MultiPolygon is checked here (a malformed one is a 400 naming it);
 * whether its rings close, cross or leave gaps and overlaps is what the adjustment's findings report.
 */
export const GeometrySchema = Type.Union(
  [
    Type.Object(
      { type: Type.Literal('Polygon'), coordinates: PolygonRingsSchema },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('MultiPolygon'),
        coordinates: Type.Array(PolygonRingsSchema, { minItems: 1, maxItems: 10_000 }),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'WGS-84 GeoJSON Polygon or MultiPolygon' },
);

export const FindingSchema = Type.Object({
  type: Type.String(),
  grids: Type.Array(Type.String()),
  areaM2: Type.Number(),
  location: Type.Array(Type.Number()),
  detail: Type.String(),
});

export const AdjustmentBody = Type.Object(
  {
    kind: Type.Enum(['split', 'merge', 'redraw']),
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      pattern: '\\S',
      description: 'Why (required, audited)',
    }),
    codes: Type.Array(CodeSchema, {
      minItems: 1,
      maxItems: 50,
      description: 'split: the one grid; merge: the siblings; redraw: the grids, in the order of geometries',
    }),
    geometries: Type.Array(GeometrySchema, {
      maxItems: 50,
      description: 'split: the new grids; merge: the merged grid or none (the union); redraw: one per code',
    }),
    names: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 50,
        description: 'split: names of the new grids; merge/redraw: new names, by position',
      }),
    ),
    dryRun: Type.Optional(
      Type.Boolean({ description: 'Check and preview (findings, households moving) without writing' }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        kind: 'redraw',
        reason: '边界调整',
        codes: ['41010300200100101'],
        geometries: [
          {
            type: 'Polygon',
            coordinates: [
              [
                [113.6, 34.7],
                [113.601, 34.7],
                [113.601, 34.701],
                [113.6, 34.701],
                [113.6, 34.7],
              ],
            ],
          },
        ],
        dryRun: true,
      },
    ],
  },
);

export const AdjustmentOutcomeSchema = Type.Object({
  dryRun: Type.Boolean(),
  ok: Type.Boolean({ description: 'No coverage finding: the adjustment is (or would be) applied' }),
  adjustmentId: Nullable(Type.Integer()),
  findings: Type.Array(FindingSchema),
  retired: Type.Array(Type.String()),
  created: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  updated: Type.Array(Type.String()),
  moves: Type.Object({
    total: Type.Integer(),
    items: Type.Array(
      Type.Object({
        householdId: Type.Integer(),
        address: Type.String(),
        from: Nullable(Type.String()),
        to: Nullable(Type.String()),
      }),
      { description: 'The first 200 households that move' },
    ),
  }),
});

export const AdjustmentListQuery = Type.Object(
  {
    code: Type.Optional(
      Type.String({ pattern: '^[0-9]{6,24}$', description: 'Adjustments touching this grid' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const AdjustmentRef = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  reason: Type.String(),
  actorName: Type.String(),
  at: Type.Optional(Type.String({ format: 'date-time' })),
});

export const AdjustmentPage = Paged(
  Type.Object({
    id: Type.Integer(),
    kind: Type.Enum(['split', 'merge', 'redraw', 'import']),
    reason: Type.String(),
    actorName: Type.String(),
    at: Type.String({ format: 'date-time' }),
    parentCode: Nullable(Type.String()),
    codes: Type.Array(Type.String()),
    details: Type.Record(Type.String(), Type.Unknown()),
  }),
);

export const GridHistorySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  kind: GridKindSchema,
  retiredAt: Nullable(Type.String({ format: 'date-time' })),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      name: Type.String(),
      households: Type.Integer(),
      validFrom: Type.String({ format: 'date-time' }),
      validTo: Nullable(Type.String({ format: 'date-time' })),
      current: Type.Boolean(),
      madeBy: Nullable(AdjustmentRef),
      endedBy: Nullable(AdjustmentRef),
    }),
  ),
});

export const GridVersionParams = Type.Object(
  { code: CodeSchema, version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

export const GridVersionFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({
    type: Type.Enum(['Polygon', 'MultiPolygon']),
    coordinates: Type.Array(Type.Unknown()),
  }),
  properties: Type.Object({
    code: Type.String(),
    name: Type.String(),
    version: Type.Integer(),
    households: Type.Integer(),
    validFrom: Type.String({ format: 'date-time' }),
    validTo: Nullable(Type.String({ format: 'date-time' })),
  }),
});

// ---- grid files (grids.files.ts) ---------------------------------------------------------------------------------

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Enum(['geojson', 'shapefile'], {
        default: 'geojson',
        description: 'geojson: a FeatureCollection; shapefile: an ESRI Shapefile zip (application/zip)',
      }),
    ),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
    kind: Type.Optional(GridKindSchema),
  },
  { additionalProperties: false },
);

export const ExportFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({
        type: Type.Enum(['Polygon', 'MultiPolygon']),
        coordinates: Type.Array(Type.Unknown()),
      }),
      properties: Type.Object({
        code: Type.String(),
        name: Type.String(),
        level: Type.Integer(),
        kind: GridKindSchema,
        parentCode: Nullable(Type.String()),
        households: Type.Integer(),
        leadUnit: Nullable(Type.String()),
      }),
    }),
  ),
});

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ description: 'Check only: findings and households moving' })),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why (recorded with the adjustment)' })),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Unknown(), {
      maxItems: 20_000,
      description:
        'Features with a Polygon/MultiPolygon and properties.code (known code: redraw; new code: parentCode too)',
    }),
    // what GIS tools (QGIS, ogr2ogr) write beside the features
    name: Type.Optional(Type.String({ maxLength: 200 })),
    crs: Type.Optional(Type.Unknown()),
    bbox: Type.Optional(Type.Array(Type.Number())),
  },
  {
    additionalProperties: false,
    examples: [
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '41010300200100101', name: '示例网格' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [113.65693, 34.744535],
                  [113.657849, 34.744535],
                  [113.657849, 34.745718],
                  [113.65693, 34.745718],
                  [113.65693, 34.744535],
                ],
              ],
            },
          },
        ],
      },
    ],
  },
);

export const ShapefileImportBody = Type.Object(
  {
    zip: Type.String({
      minLength: 4,
      pattern: '^[A-Za-z0-9+/=\\s]+$',
      description: 'The Shapefile zip (.shp, .shx, .dbf, optionally .prj/.cpg), base64',
    }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        zip: 'UEsDBAoAAAAIAIO0el00E+F6SAAAAOwAAAAJAAAAZ3JpZHMuc2hwY2BQ52LADspeMDMwsAIZOwsUVLizYhyk7jq+8Yl3dDDR3WgkBeS/Y/m9vhjIx6EfGTACsQMxZoEUskI14VKLSy9MPTofph4AUEsDBAoAAAAIAIO0el3DRFQDNgAAAGwAAAAJAAAAZ3JpZHMuc2h4Y2BQ52LADsxeMDMwsAIZOwsUVLizYhyk7jq+8Yl3dDDR3WgkBeS/Y/m9vhjIx6EfGRgBsQMAUEsDBAoAAAAIAIO0el2PBVEPOwAAAF8CAAAJAAAAZ3JpZHMuZGJmY67jlmJkYGBIZPgLojBAcn5KKpTpDCL+ocnnJebiledVMDE0MDQwNjAwMgDSQGSoMJKA+8jyLhqQAgBQSwMECgAAAAgAg7R6XePBUWp5AAAAjwAAAAkAAABncmlkcy5wcmpzd/V3dw6OVgIS8eHuwfGGlhYmSjoujiGhvtFKLkhCwQEerkH+ni7RSggxM2NzC0Njcx0jSws9I1NzIyNjUzPj2FidgCBPX1egfvei1NS88szkDCUdg1idUD/PEKCZqelAUaCAnoGhuYmpsZGlkamhpaUJkGEaGwsAUEsBAhQACgAAAAgAg7R6XTQT4XpIAAAA7AAAAAkAAAAAAAAAAAAAAAAAAAAAAGdyaWRzLnNocFBLAQIUAAoAAAAIAIO0el3DRFQDNgAAAGwAAAAJAAAAAAAAAAAAAAAAAG8AAABncmlkcy5zaHhQSwECFAAKAAAACACDtHpdjwVRDzsAAABfAgAACQAAAAAAAAAAAAAAAADMAAAAZ3JpZHMuZGJmUEsBAhQACgAAAAgAg7R6XePBUWp5AAAAjwAAAAkAAAAAAAAAAAAAAAAALgEAAGdyaWRzLnByalBLBQYAAAAABAAEANwAAADOAQAAAAA=',
      },
    ],
  },
);

export const ImportOutcomeSchema = Type.Object({
  dryRun: Type.Boolean(),
  ok: Type.Boolean(),
  adjustmentId: Nullable(Type.Integer()),
  features: Type.Integer(),
  unchanged: Type.Integer({ description: 'Features equal to the stored grid, left alone' }),
  findings: Type.Array(
    Type.Object({
      featureIndex: Nullable(Type.Integer()),
      code: Nullable(Type.String()),
      type: Type.String(),
      reason: Type.String(),
      location: Nullable(Type.Array(Type.Number())),
    }),
  ),
  updated: Type.Array(Type.String()),
  created: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  moves: AdjustmentOutcomeSchema.properties.moves,
});

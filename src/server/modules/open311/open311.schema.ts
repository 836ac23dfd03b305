import Type, { type Static } from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { FORMATS } from './open311.format.js';

/**
 * Open311 GeoReport v2 request and response schemas (JSON form; the XML form carries the same fields). Field
 * names are the specification's (snake_case), not the app's. Query strings allow fields beyond the declared
 * ones: Open311 clients send their own (api_key on reads, cache busters), and the spec does not refuse them.
 */

const Format = Type.Enum(FORMATS, { description: 'response format, the URL suffix' });
const Instant = Type.String({ format: 'date-time' });
const Jurisdiction = Type.Optional(
  Type.String({
    maxLength: 40,
    description: 'the only valid value is the configured district (default 410103)',
  }),
);

export const FormatParams = Type.Object({ format: Format });
export const ServiceParams = Type.Object({
  service_code: Type.String({ pattern: '^[0-9]{4}$', description: 'a minor case category code' }),
  format: Format,
});
export const RequestParams = Type.Object({
  service_request_id: Type.String({ pattern: '^[0-9]{6,30}$', description: 'the case number' }),
  format: Format,
});
export const TokenParams = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$' }),
  format: Format,
});

export const JurisdictionQuery = Type.Object({ jurisdiction_id: Jurisdiction });

export const RequestsQuery = Type.Object({
  jurisdiction_id: Jurisdiction,
  service_request_id: Type.Optional(
    Type.String({
      maxLength: 4000,
      description: 'case numbers, comma-separated; overrides every other filter',
    }),
  ),
  service_code: Type.Optional(
    Type.String({ maxLength: 1000, description: 'service codes, comma-separated' }),
  ),
  start_date: Type.Optional(
    Type.String({ maxLength: 40, description: 'ISO 8601; without an offset +08:00 (on requested_datetime)' }),
  ),
  end_date: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601, inclusive' })),
  status: Type.Optional(Type.String({ maxLength: 20, description: 'open, closed, or both comma-separated' })),
  extensions: Type.Optional(Type.Boolean({ description: 'add extended_attributes (the public timeline)' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'extension: 1-based page' })),
  page_size: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 200, description: 'extension: requests per page (default 50)' }),
  ),
});
export type RequestsQuery = Static<typeof RequestsQuery>;

const Text = (maxLength: number) => Type.String({ maxLength });
const Coordinate = Type.Union([
  Type.Number(),
  Type.String({ pattern: '^\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)\\s*$', maxLength: 30 }),
]);
const AttributeValue = Type.Union([
  Type.String({ maxLength: 500 }),
  Type.Number(),
  Type.Array(Type.String(), { maxItems: 50 }),
]);

export const RequestCreateBody = Type.Object(
  {
    api_key: Type.Optional(Text(100)),
    jurisdiction_id: Jurisdiction,
    service_code: Type.Optional(Text(20)),
    lat: Type.Optional(Coordinate),
    long: Type.Optional(Coordinate),
    address_string: Type.Optional(Text(200)),
    address_id: Type.Optional(Text(100)),
    description: Type.Optional(Text(2000)),
    attribute: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }), AttributeValue)),
    first_name: Type.Optional(Text(50)),
    last_name: Type.Optional(Text(50)),
    phone: Type.Optional(Text(30)),
    email: Type.Optional(Type.String({ maxLength: 200, description: 'accepted and not stored' })),
    device_id: Type.Optional(Type.String({ maxLength: 200, description: 'accepted and not stored' })),
    account_id: Type.Optional(Type.String({ maxLength: 200, description: 'accepted and not stored' })),
    media_url: Type.Optional(Type.String({ maxLength: 2000, description: 'accepted and ignored' })),
  },
  {
    additionalProperties: false,
    description:
      'application/x-www-form-urlencoded (as the spec says; attribute[code]=value, attribute[code][]=v for a ' +
      'multivaluelist) or application/json. lat/long are required: address_string alone cannot be located.',
    examples: [
      {
        api_key: 'o311_exampleexampleexampleexample12',
        jurisdiction_id: '410103',
        service_code: '1006',
        lat: 34.7466,
        long: 113.6253,
        address_string: '大学路 80 号',
        description: '楼道堆放杂物，堵塞消防通道',
        attribute: { floor: '3' },
        first_name: '三',
        last_name: '张',
        phone: '13800138000',
      },
    ],
  },
);
export type RequestCreateBody = Static<typeof RequestCreateBody>;

export const ServiceSchema = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Nullable(Type.String()),
  metadata: Type.Boolean(),
  type: Type.Enum(['realtime', 'batch', 'blackbox']),
  keywords: Nullable(Type.String()),
  group: Nullable(Type.String()),
});
export const ServiceList = Type.Array(ServiceSchema);

export const ServiceDefinition = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.Enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: Type.Boolean(),
      datatype_description: Nullable(Type.String()),
      order: Type.Integer(),
      description: Nullable(Type.String()),
      values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
    }),
  ),
});

const Note = Type.Object({ datetime: Instant, type: Type.String(), description: Nullable(Type.String()) });

export const RequestSchema = Type.Object({
  service_request_id: Type.String(),
  status: Type.Enum(['open', 'closed']),
  status_notes: Nullable(Type.String()),
  service_name: Nullable(Type.String()),
  service_code: Type.String(),
  description: Nullable(Type.String()),
  agency_responsible: Nullable(Type.String()),
  service_notice: Nullable(Type.String()),
  requested_datetime: Instant,
  updated_datetime: Nullable(Instant),
  expected_datetime: Nullable(Instant),
  address: Nullable(Type.String()),
  address_id: Type.Null(),
  zipcode: Type.Null(),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  media_url: Nullable(Type.String()),
  extended_attributes: Type.Optional(
    Type.Object(
      { notes: Type.Array(Note) },
      { description: 'with extensions=true: the public steps of the timeline (datetime, action, note)' },
    ),
  ),
});
export const RequestList = Type.Array(RequestSchema);

export const RequestCreated = Type.Array(
  Type.Object({
    service_request_id: Type.String(),
    service_notice: Nullable(Type.String()),
    account_id: Type.Null(),
    token: Type.String({ description: 'the case’s public token (GET tokens/{token})' }),
  }),
);

export const TokenResult = Type.Array(
  Type.Object({ service_request_id: Type.String(), token: Type.String() }),
);

export const Discovery = Type.Object({
  changeset: Instant,
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Instant,
      type: Type.Enum(['production', 'test']),
      formats: Type.Array(Type.String()),
    }),
  ),
});

export const Open311Errors = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }), {
  description: 'Every Open311 failure: a list of {code, description} (the XML form is <errors><error>…)',
});

export function open311Errors(...statuses: number[]): Record<number, typeof Open311Errors> {
  return Object.fromEntries([400, ...statuses].map((s) => [s, Open311Errors]));
}

import Type, { type TSchema } from 'typebox';

/** Shared pieces of route schemas. Every route declares request and response schemas from these. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    }),
  },
  { description: 'Every failure has this shape; message follows Accept-Language.' },
);

/** The error statuses a route may answer, all with the one error body. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const status of [400, 401, ...statuses]) out[status] = ErrorBody;
  return out;
}

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: '1-based page' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export function Paged<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export const Ok = Type.Object({ ok: Type.Literal(true) });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { currentMigration } from '../../db/migrate.js';
import { requestContext } from '../../http/request-context.js';
import { errorResponses, Nullable } from '../../http/schemas.js';
import { can } from '../../policy/capabilities.js';

const tags = ['system'];

export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Liveness: database kind, migration version, uptime',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            migration: Nullable(Type.String()),
            uptimeSeconds: Type.Number(),
            version: Type.String(),
          }),
          ...errorResponses(503),
        },
      },
    },
    async () => {
      const { database, startedAt } = app.ctx;
      return {
        status: 'ok' as const,
        database: database.kind,
        migration: await currentMigration(database),
        uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
        version: '0.1.0',
      };
    },
  );

  app.get(
    '/home/stats',
    {
      schema: {
        tags,
        summary: 'Counts of what exists under my node, contributed by each module',
        response: {
          200: Type.Object({
            place: Type.Object({ code: Type.String(), name: Type.String() }),
            stats: Type.Array(
              Type.Object({ key: Type.String(), label: Type.String(), value: Nullable(Type.Integer()) }),
            ),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      const definitions = app.modules
        .flatMap((m) => m.stats ?? [])
        .filter((d) => can(ctx.actor.role, d.capability));
      const values = await Promise.all(definitions.map((d) => d.compute(app.ctx.database.db, ctx.actor)));
      return {
        place: { code: ctx.actor.placeCode, name: ctx.actor.placeName },
        stats: definitions.map((d, i) => ({
          key: d.key,
          label: d.label[ctx.lang],
          value: values[i] ?? null,
        })),
      };
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { runCommand } from '../../core/command.js';
import { paged } from '../../core/paging.js';
import { underPath } from '../../core/sql.js';
import { AppError } from '../../http/errors.js';
import { requestContext } from '../../http/request-context.js';
import { errorResponses, PageQuery, Paged } from '../../http/schemas.js';
import { findByCode } from '../../modules/places/places.queries.js';
import { authorize, requireCapability } from '../../policy/authorize.js';

const Note = Type.Object({ id: Type.Integer(), placeCode: Type.String(), text: Type.String() });

/** Thin routes: schema, one read in the actor's subtree, one write as a command. */
export const kitNotesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kit-notes',
    {
      schema: {
        summary: 'Notes pinned to places in my subtree',
        querystring: Type.Object(PageQuery),
        response: { 200: Paged(Note), ...errorResponses(403) },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      requireCapability(ctx.actor, 'kitNotes.read');
      const query = ctx.app.database.db
        .selectFrom('kit_note as n')
        .innerJoin('place as p', 'p.id', 'n.place_id')
        .select(['n.id', 'p.code as placeCode', 'n.text'])
        .where('n.path', 'like', underPath(ctx.actor.placePath));
      const { page = 1, pageSize = 20 } = request.query;
      return paged(query, { page, pageSize }, (q) => q.orderBy('n.id'));
    },
  );

  app.post(
    '/kit-notes',
    {
      schema: {
        summary: 'Pin a note to a place',
        body: Type.Object(
          { placeCode: Type.String({ pattern: '^[0-9]{6,24}$' }), text: Type.String({ maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: Note, ...errorResponses(403, 404, 422) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const { placeCode, text } = request.body;
      const note = await runCommand(ctx, 'kitNote.create', async (trx) => {
        const place = authorize(ctx.actor, 'kitNotes.write', await findByCode(trx, placeCode));
        if (!text.trim()) throw new AppError('KIT_NOTE_BLANK', {}, [{ path: '/text', message: '' }]);
        const row = await trx
          .insertInto('kit_note')
          .values({ place_id: place.id, path: place.path, text: text.trim(), created_by: ctx.actor.username })
          .returning('id')
          .executeTakeFirstOrThrow();
        return {
          value: { id: row.id, placeCode: place.code, text: text.trim() },
          audit: { subjectType: 'kit_note', subjectId: String(row.id), placePath: place.path },
        };
      });
      return reply.status(201).send(note);
    },
  );
};

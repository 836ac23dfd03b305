import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../../http/request-context.js';
import { AppError } from '../../../http/errors.js';
import { errorResponses } from '../../../http/schemas.js';
import { addCasePhoto, formatBytes, readCasePhoto, type PhotoStage } from './cases.photos.js';
import { CaseIdParams, PhotoSchema } from '../cases.schema.js';
import { ImageFile, PhotoParams, PhotoQuery } from '../outbound/cases.notify.schema.js';

const tags = ['cases'];

export const casePhotoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = app.ctx.config.photoLimit;
  // Multipart is parsed in this plugin only (as in imports): every other route keeps answering 415 to it.
  await app.register(fastifyMultipart, { limits: { fileSize: limit, files: 1, fields: 4, parts: 5 } });

  app.post(
    '/cases/:id/photos',
    {
      bodyLimit: limit + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Add an evidence photo (multipart/form-data: field "file", JPEG/PNG/WebP decided by content; field ' +
          '"stage" before|after|update); GPS and time are read from EXIF, the public copy carries no EXIF',
        params: CaseIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: PhotoSchema, ...errorResponses(403, 404, 413, 415) },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      if (!request.isMultipart()) throw new AppError('MULTIPART_EXPECTED');
      let bytes: Buffer | null = null;
      let stage: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || bytes) {
              part.file.resume();
              continue;
            }
            bytes = await part.toBuffer();
          } else if (part.fieldname === 'stage') {
            stage = String(part.value);
          }
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('FILE_TOO_LARGE', { limit: formatBytes(limit) });
        if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('MULTIPART_EXPECTED');
        throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: '' }]);
      }
      if (!bytes) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: '' }]);
      return addCasePhoto(ctx, request.params.id, (stage ?? '') as PhotoStage, bytes);
    },
  );

  app.get(
    '/cases/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary:
          'A photo: the public copy without EXIF (size=thumb: at most 320 px, WebP); original=true gives staff ' +
          'the uploaded file with its EXIF (audited)',
        params: PhotoParams,
        querystring: PhotoQuery,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: ImageFile, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      const { size = 'full', original = false } = request.query;
      const photo = await readCasePhoto(requestContext(request), request.params.id, request.params.photoId, {
        size,
        original,
      });
      return reply
        .type(photo.mime)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', 'inline')
        .send(photo.bytes);
    },
  );
};

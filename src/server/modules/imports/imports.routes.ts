import { readUpload } from '../../http/uploads.js';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendXlsx, XLSX_CONTENT_TYPE, XlsxFile } from '../../core/xlsx-export.js';
import { requestContext } from '../../http/request-context.js';
import { errorResponses } from '../../http/schemas.js';
import {
  CommitImportBody,
  IMPORT_FILE_LIMIT,
  ImportIdParams,
  ImportJobQuery,
  ImportJobSchema,
} from './imports.schema.js';
import { commitImport, getImport, startImport } from './imports.service.js';
import { importTemplate } from './imports.template.js';
import { requireCapability } from '../../policy/authorize.js';

const tags = ['residents'];

export const importsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart is parsed in this plugin only: every other route keeps answering 415 to anything but JSON.
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_FILE_LIMIT, files: 1, fields: 4, parts: 5 },
  });

  app.post(
    '/residents/imports',
    {
      bodyLimit: IMPORT_FILE_LIMIT + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Upload an .xlsx or .csv (UTF-8 or GBK) of residents as multipart/form-data (field "file", at most ' +
          '30 MiB); validation starts at once, poll the job for progress and findings',
        consumes: ['multipart/form-data'],
        response: { 200: ImportJobSchema, ...errorResponses(403, 413, 415) },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      requireCapability(ctx.actor, 'residents.import');
      // the capability first: a refused caller's upload is never read
      const { fileName, bytes } = await readUpload(request, IMPORT_FILE_LIMIT);
      return startImport(ctx, { fileName, bytes });
    },
  );

  app.get(
    '/residents/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import job: status, progress, counts, findings (paged) and the result',
        params: ImportIdParams,
        querystring: ImportJobQuery,
        response: { 200: ImportJobSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      return getImport(requestContext(request), request.params.id, page, pageSize);
    },
  );

  app.post(
    '/residents/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Write a validated import: all or nothing, or the valid rows only (one audited transaction)',
        params: ImportIdParams,
        body: CommitImportBody,
        response: { 200: ImportJobSchema, ...errorResponses(403, 404, 409, 410, 413, 415, 422) },
      },
    },
    async (request) => commitImport(requestContext(request), request.params.id, request.body.mode),
  );

  app.get(
    '/residents/import-template',
    {
      schema: {
        tags,
        summary:
          'The import template (.xlsx): the resident columns, an example row, my buildings and the tag names',
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: XlsxFile, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const sheets = await importTemplate(requestContext(request));
      const name = request.lang === 'en' ? 'residents-import-template.xlsx' : '居民导入模板.xlsx';
      return sendXlsx(reply, name, request.lang, sheets);
    },
  );
};

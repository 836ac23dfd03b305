import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * The one file of a multipart/form-data upload (field "file"), whole in memory, with the failures every upload
 * route answers the same way: not multipart → 415 MULTIPART_EXPECTED; over the route's limit → 413
 * PAYLOAD_TOO_LARGE; no file or an empty one → 400 IMPORT_FILE_REQUIRED. Check the caller's capability before
 * calling this, so a refused caller's upload is never read.
 */
export async function readUpload(
  request: FastifyRequest,
  limit: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('MULTIPART_EXPECTED');
  let fileName: string;
  let bytes: Buffer;
  try {
    const file = await request.file();
    if (!file) throw new AppError('IMPORT_FILE_REQUIRED');
    fileName = file.filename;
    bytes = await file.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { limit });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('MULTIPART_EXPECTED');
    throw new AppError('IMPORT_FILE_REQUIRED');
  }
  if (bytes.length === 0) throw new AppError('IMPORT_FILE_REQUIRED');
  return { fileName, bytes };
}

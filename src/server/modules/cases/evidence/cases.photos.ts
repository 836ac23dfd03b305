import { createHash } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import { auditRead, runCommand } from '../../../core/command.js';
import type { RequestContext } from '../../../core/context.js';
import { AppError } from '../../../http/errors.js';
import { can } from '../../../policy/capabilities.js';
import { gridScopeOf } from '../../../policy/grid-scope.js';
import { isDispatcher, isHandler } from '../workflow/cases.policy.js';
import { caseQuery, caseVisible, type CaseRow } from '../cases.queries.js';
import { presentPhoto, requireReader } from '../cases.service.js';
import { PHOTO_STAGES } from '../outbound/cases.notify.schema.js';
import { storageFor } from '../../../core/file-storage.js';

/**
 * Evidence photos. Each upload is kept as three files, named by the sha256 of the uploaded bytes:
 * `<key>.original` — exactly what was sent, EXIF and GPS included, for staff only; `<key>.public` — re-encoded by
 * sharp, turned upright, every metadata block dropped (sharp writes none unless asked), what everyone else sees;
 * `<key>.thumb` — at most THUMB_PX on the longer side, WebP. The type is decided by the content (sharp reads the
 * header), never by the file name. GPS position and DateTimeOriginal are read from the original with exifr.
 */
export type PhotoStage = 'before' | 'after' | 'update';
export type PhotoSize = 'thumb' | 'full';

export const THUMB_PX = 320;
const FORMATS = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type Format = keyof typeof FORMATS;

export interface ImageFacts {
  format: Format;
  mime: (typeof FORMATS)[Format];
  lng: number | null;
  lat: number | null;
  takenAt: Date | null;
}

/**
 * EXIF DateTimeOriginal is a wall-clock time without a zone; exifr builds it in the server's own zone. The
 * phones that take case photos are in China (UTC+8 all year), so read the same wall clock as Beijing time.
 */
export function beijingWallClock(parsed: Date): Date {
  const d = parsed;
  return new Date(
    Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()) -
      8 * 3600_000,
  );
}

/** What the bytes are (415 UNSUPPORTED_IMAGE unless JPEG, PNG or WebP) and where and when they were taken. */
export async function inspectImage(bytes: Buffer): Promise<ImageFacts> {
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    throw new AppError('UNSUPPORTED_IMAGE');
  }
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp') throw new AppError('UNSUPPORTED_IMAGE');
  let lng: number | null = null;
  let lat: number | null = null;
  let takenAt: Date | null = null;
  try {
    const exif = (await exifr.parse(bytes, {
      gps: true,
      exif: true,
      tiff: true,
      pick: ['DateTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'],
    })) as { latitude?: unknown; longitude?: unknown; DateTimeOriginal?: unknown } | undefined;
    if (exif) {
      const la = Number(exif.latitude);
      const lo = Number(exif.longitude);
      if (Number.isFinite(la) && Number.isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
        lat = la;
        lng = lo;
      }
      if (exif.DateTimeOriginal instanceof Date && !Number.isNaN(exif.DateTimeOriginal.getTime())) {
        takenAt = beijingWallClock(exif.DateTimeOriginal);
      }
    }
  } catch {
    // broken or missing EXIF: the photo is still evidence, only without position and time
  }
  return { format, mime: FORMATS[format], lng, lat, takenAt };
}

/** The copy everyone may see: upright, same format, no EXIF, XMP, ICC or IPTC. */
export async function publicCopy(bytes: Buffer, format: Format) {
  const image = sharp(bytes).rotate();
  const encoded =
    format === 'jpeg'
      ? image.jpeg({ quality: 85, mozjpeg: true })
      : format === 'png'
        ? image.png()
        : image.webp({ quality: 85 });
  return encoded.toBuffer({ resolveWithObject: true });
}

export async function thumbnail(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes)
    .rotate()
    .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
}

/** Who may add a photo at this stage: the case's handler and dispatcher; its reporter before or as an update. */
export function mayAddPhoto(
  ctx: RequestContext,
  row: CaseRow,
  gridScope: Awaited<ReturnType<typeof gridScopeOf>>,
  stage: PhotoStage,
): boolean {
  const { actor } = ctx;
  const reporter = actor.via !== 'public' && row.reporter_user_id === actor.userId;
  if (reporter && stage !== 'after') return true;
  if (actor.role === 'resident' || !can(actor.role, 'cases.read')) return false;
  return isHandler(actor, row, gridScope) || isDispatcher(actor, row);
}

const storageKey = (caseId: number, sha: string) => `cases/${caseId}/${sha}`;

/**
 * Add one photo to a case (an audited command, 'case.photo.add'). The same bytes on the same case again answer
 * the photo already stored. Throws 404 for a case out of sight, 403 for one the actor may not add to, 413 above
 * LOUYUAN_PHOTO_LIMIT, 415 for anything but JPEG, PNG or WebP.
 */
export async function addCasePhoto(ctx: RequestContext, caseId: number, stage: PhotoStage, bytes: Buffer) {
  requireReader(ctx.actor);
  const { db } = ctx.app.database;
  const limit = ctx.app.config.photoLimit;
  const gridScope = await gridScopeOf(db, ctx.actor);
  const row = await caseQuery(db).where('c.id', '=', caseId).executeTakeFirst();
  const visible = !!row && caseVisible(ctx.actor, gridScope, row);
  // a case out of sight is 404 whatever else is wrong with the request
  if (visible && !(PHOTO_STAGES as readonly string[]).includes(stage)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/stage', message: '' }]);
  }
  const refusal = !visible
    ? new AppError('NOT_FOUND')
    : !mayAddPhoto(ctx, row, gridScope, stage)
      ? new AppError('FORBIDDEN')
      : null;
  if (refusal || !row) {
    // through runCommand, so the refused attempt leaves its 'denied' entry like every other refused write
    await runCommand(ctx, 'case.photo.add', () => Promise.reject(refusal ?? new AppError('NOT_FOUND')), {
      subjectType: 'case',
      subjectId: String(caseId),
    });
    throw refusal ?? new AppError('NOT_FOUND');
  }
  if (bytes.length > limit) throw new AppError('FILE_TOO_LARGE', { limit: formatBytes(limit) });
  if (bytes.length === 0) throw new AppError('UNSUPPORTED_IMAGE');

  const facts = await inspectImage(bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const key = storageKey(caseId, sha);
  const existing = await db
    .selectFrom('case_photo')
    .selectAll()
    .where('storage_key', '=', key)
    .executeTakeFirst();
  if (existing) return presentPhoto(existing);

  const [shown, thumb] = await Promise.all([publicCopy(bytes, facts.format), thumbnail(bytes)]);
  const storage = storageFor(ctx.app);
  await storage.put(`${key}.original`, bytes);
  await storage.put(`${key}.public`, shown.data);
  await storage.put(`${key}.thumb`, thumb);
  try {
    const photo = await runCommand(
      ctx,
      'case.photo.add',
      async (trx) => {
        const inserted = await trx
          .insertInto('case_photo')
          .values({
            case_id: caseId,
            stage,
            storage_key: key,
            mime: facts.mime,
            bytes: bytes.length,
            width: shown.info.width,
            height: shown.info.height,
            sha256: sha,
            lng: facts.lng,
            lat: facts.lat,
            taken_at: facts.takenAt,
            uploaded_by: ctx.actor.via === 'cli' || ctx.actor.via === 'public' ? null : ctx.actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return {
          value: inserted,
          audit: {
            subjectType: 'case',
            subjectId: String(caseId),
            placePath: row.path,
            details: {
              code: row.code,
              photoId: inserted.id,
              stage,
              mime: facts.mime,
              bytes: bytes.length,
              sha256: sha,
              located: facts.lng !== null,
            },
          },
        };
      },
      { subjectType: 'case', subjectId: String(caseId) },
    );
    return presentPhoto(photo);
  } catch (error) {
    // a failed insert leaves no files behind (unless a parallel upload of the same bytes won the row)
    const won = await db
      .selectFrom('case_photo')
      .select('id')
      .where('storage_key', '=', key)
      .executeTakeFirst();
    if (!won) {
      await Promise.all(['original', 'public', 'thumb'].map((s) => storage.delete(`${key}.${s}`)));
      throw error;
    }
    const again = await db
      .selectFrom('case_photo')
      .selectAll()
      .where('id', '=', won.id)
      .executeTakeFirstOrThrow();
    return presentPhoto(again);
  }
}

/**
 * One photo's bytes: the public copy (full or thumbnail) for whoever sees the case; the original, EXIF and all,
 * for staff only (and its read is audited). 404 when the case or photo is out of sight.
 */
export async function readCasePhoto(
  ctx: RequestContext,
  caseId: number,
  photoId: number,
  options: { size: PhotoSize; original: boolean },
): Promise<{ bytes: Buffer; mime: string }> {
  requireReader(ctx.actor);
  const { db } = ctx.app.database;
  const gridScope = await gridScopeOf(db, ctx.actor);
  const row = await caseQuery(db).where('c.id', '=', caseId).executeTakeFirst();
  if (!row || !caseVisible(ctx.actor, gridScope, row)) throw new AppError('NOT_FOUND');
  const photo = await db
    .selectFrom('case_photo')
    .select(['storage_key', 'mime'])
    .where('id', '=', photoId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!photo) throw new AppError('NOT_FOUND');
  if (options.original && (ctx.actor.role === 'resident' || ctx.actor.via === 'public')) {
    throw new AppError('FORBIDDEN');
  }
  const variant = options.original ? 'original' : options.size === 'thumb' ? 'thumb' : 'public';
  const bytes = await storageFor(ctx.app).get(`${photo.storage_key}.${variant}`);
  if (!bytes) throw new AppError('NOT_FOUND');
  if (options.original) {
    await auditRead(
      ctx,
      'case.photo.original',
      { subjectType: 'case', subjectId: String(caseId), placePath: row.path },
      { photoId },
    );
  }
  return { bytes, mime: variant === 'thumb' ? 'image/webp' : photo.mime };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} B`;
}

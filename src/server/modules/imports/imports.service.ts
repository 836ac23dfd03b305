import type { RequestContext, AppContext } from '../../core/context.js';
import { runCommand } from '../../core/command.js';
import { personalDataKeys } from '../../core/keys.js';
import type { Database } from '../../db/database.js';
import type { ImportJob, ImportJobStatus, ImportMode } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { importMessage, type Lang } from '../../http/messages.js';
import { authorize, requireCapability } from '../../policy/authorize.js';
import { insertResidents } from '../households/households.bulk.js';
import { readSheet, sheetFormat, SheetReadError } from './imports.read.js';
import {
  validateSheet,
  type ImportFinding,
  type ImportReason,
  type ValidationResult,
} from './imports.validate.js';

/**
 * Resident import jobs. A job row (import_job) is the record: owner, place, file name, status, counts, the first
 * findings. The parsed records live only in this process's memory, from validation until the job is committed
 * or TTL_MINUTES pass (then the row says 'expired' and the file must be uploaded again): personal data from an
 * upload is never stored anywhere but in the registry itself, and only once the user chose to import it.
 */
export const TTL_MINUTES = 60;
/** Findings stored with the job row (all of them stay in memory while the job is live). */
export const STORED_FINDINGS = 1000;
/** Live jobs per process; the oldest is dropped (expires) beyond this. */
const MAX_LIVE_JOBS = 20;

export type ImportPhase = 'reading' | 'checking' | 'writing' | null;

interface LiveJob {
  id: number;
  status: ImportJobStatus;
  phase: ImportPhase;
  processed: number;
  total: number | null;
  result: ValidationResult | null;
  error: string | null;
  expiresAt: number;
  /** Settles when validation has finished (either way). */
  validated: Promise<void>;
  outcome: ImportOutcome | null;
}

export interface ImportOutcome {
  residentsInserted: number;
  householdsCreated: number;
  skipped: number;
}

const stores = new WeakMap<Database, Map<number, LiveJob>>();

function liveJobs(app: AppContext): Map<number, LiveJob> {
  let store = stores.get(app.database);
  if (!store) {
    store = new Map();
    stores.set(app.database, store);
  }
  const now = Date.now();
  for (const [id, job] of store) {
    if (job.expiresAt < now && job.status !== 'importing' && job.status !== 'validating') store.delete(id);
  }
  return store;
}

export type ProgressListener = (
  phase: Exclude<ImportPhase, null>,
  processed: number,
  total: number | null,
) => void;

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** Records the upload and starts validating it in the background; answers at once with the job. */
export async function startImport(ctx: RequestContext, upload: Upload, onProgress?: ProgressListener) {
  requireCapability(ctx.actor, 'residents.import');
  const fileName = upload.fileName.replace(/[\\/]/g, '_').slice(-255) || 'upload';
  if (!sheetFormat(fileName, upload.bytes.subarray(0, 4))) throw new AppError('IMPORT_FILE_TYPE');
  const { actor } = ctx;
  const row = await runCommand(ctx, 'residents.import.upload', async (trx) => {
    const job = await trx
      .insertInto('import_job')
      .values({
        owner_id: actor.via === 'cli' ? null : actor.userId,
        owner_name: actor.username,
        place_id: actor.placeId,
        path: actor.placePath,
        file_name: fileName,
        file_size: upload.bytes.length,
        status: 'validating',
        findings: JSON.stringify([]),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      value: job,
      audit: {
        subjectType: 'import_job',
        subjectId: String(job.id),
        placePath: actor.placePath,
        details: { fileName, size: upload.bytes.length },
      },
    };
  });
  const store = liveJobs(ctx.app);
  const live: LiveJob = {
    id: row.id,
    status: 'validating',
    phase: 'reading',
    processed: 0,
    total: null,
    result: null,
    error: null,
    expiresAt: Date.now() + TTL_MINUTES * 60_000,
    validated: Promise.resolve(),
    outcome: null,
  };
  store.set(row.id, live);
  while (store.size > MAX_LIVE_JOBS) {
    const oldest = [...store.values()].find((j) => j.status !== 'importing');
    if (!oldest) break;
    store.delete(oldest.id);
  }
  live.validated = validate(ctx.app, live, row, upload, ctx.lang, onProgress);
  return presentJob(ctx, row, 1, 20);
}

async function validate(
  app: AppContext,
  live: LiveJob,
  row: ImportJob,
  upload: Upload,
  lang: Lang,
  onProgress?: ProgressListener,
): Promise<void> {
  const { db } = app.database;
  try {
    const sheet = await readSheet(row.file_name, upload.bytes, (n) => {
      live.processed = n;
      onProgress?.('reading', n, null);
    });
    live.phase = 'checking';
    live.total = sheet.rows.length;
    live.processed = 0;
    const result = await validateSheet(
      db,
      personalDataKeys(app.config),
      sheet,
      row.path,
      lang,
      (processed, total) => {
        live.processed = processed;
        onProgress?.('checking', processed, total);
      },
    );
    live.result = result;
    live.status = 'validated';
    live.phase = null;
    live.expiresAt = Date.now() + TTL_MINUTES * 60_000;
    await db
      .updateTable('import_job')
      .set({
        status: 'validated',
        total_rows: result.totalRows,
        valid_rows: result.validRows,
        invalid_rows: result.invalidRows,
        finding_count: result.findingCount,
        findings: JSON.stringify(result.findings.slice(0, STORED_FINDINGS)),
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .execute();
  } catch (error) {
    live.status = 'failed';
    live.phase = null;
    live.error = error instanceof SheetReadError ? `import.${error.reason}` : 'import.internal';
    if (!(error instanceof SheetReadError)) {
      // The error's class only: a driver message could quote a value from the file.
      console.error(`import ${row.id}: validation failed (${(error as Error)?.name ?? 'error'})`);
    }
    await db
      .updateTable('import_job')
      .set({ status: 'failed', error: live.error, updated_at: new Date(), finished_at: new Date() })
      .where('id', '=', row.id)
      .execute()
      .catch(() => undefined);
  }
}

/** The job's row if the actor may see it: an importer whose subtree holds the job's place, else 404. */
async function visibleJob(ctx: RequestContext, id: number, forUpdate = false): Promise<ImportJob> {
  const { db } = ctx.app.database;
  const query = db.selectFrom('import_job').selectAll().where('id', '=', id);
  const row = await (forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return authorize(ctx.actor, 'residents.import', row);
}

function presentFinding(f: ImportFinding | ImportJob['findings'][number], lang: Lang) {
  return {
    row: f.row,
    column: f.column,
    reason: f.reason as ImportReason,
    message: importMessage(`finding.${f.reason}`, lang),
    ...(f.value === undefined ? {} : { value: f.value }),
  };
}

function presentJob(ctx: RequestContext, row: ImportJob, page: number, pageSize: number) {
  const live = liveJobs(ctx.app).get(row.id);
  let status: ImportJobStatus = live?.status ?? row.status;
  // A validated job whose records this process no longer holds (restart, expiry) can only be uploaded again.
  if (!live && (status === 'validated' || status === 'validating' || status === 'importing'))
    status = 'expired';
  const result = live?.result;
  const findings = result?.findings ?? row.findings;
  const errorKey = live?.error ?? row.error;
  const outcome =
    live?.outcome ??
    (row.status === 'done'
      ? {
          residentsInserted: row.inserted_residents,
          householdsCreated: row.created_households,
          skipped: row.valid_rows - row.inserted_residents,
        }
      : null);
  return {
    id: row.id,
    fileName: row.file_name,
    status,
    phase: live?.phase ?? null,
    processed: live?.processed ?? (status === 'done' ? row.inserted_residents : row.total_rows),
    total: live ? live.total : row.total_rows,
    totalRows: result?.totalRows ?? row.total_rows,
    validRows: result?.validRows ?? row.valid_rows,
    invalidRows: result?.invalidRows ?? row.invalid_rows,
    findingCount: result?.findingCount ?? row.finding_count,
    findings: {
      items: findings.slice((page - 1) * pageSize, page * pageSize).map((f) => presentFinding(f, ctx.lang)),
      total: findings.length,
      page,
      pageSize,
    },
    mode: row.mode,
    result: outcome,
    error: errorKey ? importMessage(errorKey, ctx.lang) : null,
    createdAt: row.created_at.toISOString(),
    expiresAt: live && status === 'validated' ? new Date(live.expiresAt).toISOString() : null,
  };
}

export type ImportJobView = ReturnType<typeof presentJob>;

export async function getImport(ctx: RequestContext, id: number, page = 1, pageSize = 20) {
  const row = await visibleJob(ctx, id);
  return presentJob(ctx, row, page, pageSize);
}

/** Resolves once the job's validation has finished (the CLI and tests wait on it). */
export async function waitForValidation(ctx: RequestContext, id: number): Promise<void> {
  await liveJobs(ctx.app).get(id)?.validated;
}

/**
 * Writes the validated records through the shared bulk writer, in one transaction with its audit entry
 * (who, file name, mode, counts — never personal data). 'all_or_nothing' refuses a file with any finding, and
 * rolls back if someone registered one of its people since the check; 'valid_only' writes the valid rows and
 * skips those registered since.
 */
export async function commitImport(
  ctx: RequestContext,
  id: number,
  mode: ImportMode,
  onProgress?: ProgressListener,
) {
  const store = liveJobs(ctx.app);
  const job = await runCommand(
    ctx,
    'residents.import',
    async (trx) => {
      const row = await trx
        .selectFrom('import_job')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      authorize(ctx.actor, 'residents.import', row);
      const current = row as ImportJob;
      const live = store.get(id);
      const status = live?.status ?? current.status;
      if (status !== 'validated' || current.status !== 'validated') {
        throw new AppError('IMPORT_NOT_READY', { status: importMessage(`status.${status}`, ctx.lang) });
      }
      if (!live?.result) throw new AppError('IMPORT_EXPIRED', { minutes: TTL_MINUTES });
      const result = live.result;
      if (mode === 'all_or_nothing' && result.findingCount > 0) {
        throw new AppError('IMPORT_HAS_FINDINGS', { count: result.findingCount });
      }
      if (result.records.length === 0) throw new AppError('IMPORT_NO_VALID_ROWS');
      live.status = 'importing';
      live.phase = 'writing';
      live.processed = 0;
      live.total = result.records.length;
      try {
        const written = await insertResidents(trx, result.records, {
          keys: personalDataKeys(ctx.app.config),
          onProgress: (done, total) => {
            live.processed = done;
            onProgress?.('writing', done, total);
          },
        });
        if (mode === 'all_or_nothing' && written.duplicates.length > 0) {
          throw new AppError('IMPORT_CONFLICT', { count: written.duplicates.length });
        }
        const outcome: ImportOutcome = {
          residentsInserted: written.residentsInserted,
          householdsCreated: written.householdsCreated,
          skipped: written.duplicates.length,
        };
        const updated = await trx
          .updateTable('import_job')
          .set({
            status: 'done',
            mode,
            inserted_residents: outcome.residentsInserted,
            created_households: outcome.householdsCreated,
            updated_at: new Date(),
            finished_at: new Date(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return {
          value: { updated, outcome },
          audit: {
            subjectType: 'import_job',
            subjectId: String(id),
            placePath: current.path,
            details: {
              fileName: current.file_name,
              mode,
              totalRows: result.totalRows,
              validRows: result.validRows,
              invalidRows: result.invalidRows,
              residentsInserted: outcome.residentsInserted,
              householdsCreated: outcome.householdsCreated,
              skipped: outcome.skipped,
            },
          },
        };
      } catch (error) {
        live.status = 'validated';
        live.phase = null;
        throw error;
      }
    },
    { subjectType: 'import_job', subjectId: String(id) },
  );
  const live = store.get(id);
  if (live) {
    live.status = 'done';
    live.phase = null;
    live.outcome = job.outcome;
    live.result = live.result && { ...live.result, records: [], recordRows: [] };
  }
  return presentJob(ctx, job.updated, 1, 20);
}

import Type from 'typebox';
import { Nullable, PageQuery } from '../../http/schemas.js';
import { IMPORT_REASONS } from './imports.validate.js';

/** Upload limit: a street's ledger of 200,000 rows is about 18 MiB as .xlsx, 20 MiB as CSV. */
export const IMPORT_FILE_LIMIT = 30 * 1024 * 1024;

export const IMPORT_STATUSES = ['validating', 'validated', 'importing', 'done', 'failed', 'expired'] as const;
export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export const IMPORT_PHASES = ['reading', 'checking', 'writing'] as const;

export const ImportIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }) },
  { additionalProperties: false },
);

export const ImportJobQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const CommitImportBody = Type.Object(
  {
    mode: Type.Enum(IMPORT_MODES, {
      description:
        'all_or_nothing: only a file without findings, all rows or none; valid_only: the valid rows',
    }),
  },
  { additionalProperties: false, examples: [{ mode: 'valid_only' }] },
);

export const ImportFindingSchema = Type.Object({
  row: Type.Integer({ description: 'Row number as Excel shows it (the first line of the file is row 1)' }),
  column: Type.String({ description: 'The column header as the file spells it' }),
  reason: Type.Enum(IMPORT_REASONS),
  message: Type.String({ description: 'The reason in the request language' }),
  value: Type.Optional(Type.String({ description: 'The offending value, masked when it is personal data' })),
});

export const ImportJobSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  status: Type.Enum(IMPORT_STATUSES),
  phase: Nullable(Type.Enum(IMPORT_PHASES)),
  processed: Type.Integer({ description: 'Rows read, checked or written so far in the current phase' }),
  total: Nullable(
    Type.Integer({ description: 'Rows in the current phase; null while the file is being read' }),
  ),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  invalidRows: Type.Integer(),
  findingCount: Type.Integer(),
  findings: Type.Object({
    items: Type.Array(ImportFindingSchema),
    total: Type.Integer({ description: 'Findings held (all while the job is live, else the first 1000)' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
  mode: Nullable(Type.Enum(IMPORT_MODES)),
  result: Nullable(
    Type.Object({
      residentsInserted: Type.Integer(),
      householdsCreated: Type.Integer(),
      skipped: Type.Integer({ description: 'Valid rows registered by someone else since the check' }),
    }),
  ),
  error: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
});

import type { ErrorCode } from './messages.js';

export interface FieldIssue {
  /** JSON pointer-ish path of the field, e.g. "/name" or "/body/lng". */
  path: string;
  message: string;
}

const defaultStatus: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 403,
  ACCOUNT_DISABLED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  VERSION_CONFLICT: 409,
  CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  HAS_CHILDREN: 409,
  HAS_USERS: 409,
  HAS_HOUSEHOLDS: 409,
  CODE_LOCKED: 409,
  ALREADY_ASSIGNED: 409,
  ASSIGNMENT_ENDED: 409,
  ACCOUNT_LINKED: 409,
  NOT_A_GRID_WORKER: 422,
  ACCOUNT_OUTSIDE_GRID: 422,
  MOVE_CYCLE: 422,
  COVERAGE_BROKEN: 422,
  INVALID_ADJUSTMENT: 422,
  INVALID_GEOJSON: 422,
  OUTSIDE_DISTRICT: 422,
  INVALID_PARENT_KIND: 422,
  INVALID_CODE_PREFIX: 422,
  ROOT_IMMUTABLE: 422,
  WEAK_PASSWORD: 422,
  PASSWORD_REUSED: 422,
  WRONG_PASSWORD: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  MULTIPART_EXPECTED: 415,
  IMPORT_FILE_REQUIRED: 400,
  IMPORT_FILE_TYPE: 415,
  IMPORT_NOT_READY: 409,
  IMPORT_EXPIRED: 410,
  IMPORT_HAS_FINDINGS: 409,
  IMPORT_NO_VALID_ROWS: 422,
  IMPORT_CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  UNKNOWN_CATEGORY: 422,
  FIELD_REQUIRED: 422,
  EVIDENCE_REQUIRED: 422,
  NO_SUCH_HANDLER: 422,
  CANNOT_MERGE: 422,
  OTP_INVALID: 422,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_IMAGE: 415,
};

/** An expected failure with a code from the message catalogue; the error handler renders it. */
export class AppError extends Error {
  readonly status: number;
  /** Set once the failure is in the audit trail, so it is not recorded twice. */
  audited = false;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldIssue[] = [],
    status?: number,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = status ?? defaultStatus[code] ?? 400;
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');

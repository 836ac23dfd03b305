import { errorDefinition, type ErrorCode } from './messages.js';

export interface FieldIssue {
  /** JSON pointer-ish path of the field, e.g. "/name" or "/body/lng". */
  path: string;
  message: string;
}

/** An expected failure with a code from the message catalogue; the error handler renders it. */
export class AppError extends Error {
  /** The status the code is declared with, unless this error says otherwise. */
  get status(): number {
    return this.statusOverride ?? errorDefinition(this.code).status;
  }
  /** Set once the failure is in the audit trail, so it is not recorded twice. */
  audited = false;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldIssue[] = [],
    private readonly statusOverride?: number,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');

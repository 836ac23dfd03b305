import type { paths } from '../../api/schema';
import { postFile, toApiError } from '../../app/api';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  type CaseAction,
  type CaseStatus,
} from '../../../shared/case-workflow';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: { 200: infer R } } ? Json<R> : never;
type Body<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type CasePage = Ok<paths['/api/cases']['get']>;
export type CaseItem = CasePage['items'][number];
export type CaseDetail = Ok<paths['/api/cases/{id}']['get']>;
export type CaseCreated = Ok<paths['/api/cases']['post']>;
export type CaseCreateBody = Body<paths['/api/cases']['post']>;
export type TransitionBody = Body<paths['/api/cases/{id}/transitions']['post']>;
export type CaseListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;
export type Category = Ok<paths['/api/case-categories']['get']>['items'][number];
export type CategoryUpdateBody = Body<paths['/api/case-categories/{code}']['patch']>;
export type CategoryCreateBody = Body<paths['/api/case-categories']['post']>;
export type CalendarYear = Ok<paths['/api/work-calendar']['get']>;
export type Department = Ok<paths['/api/departments']['get']>['items'][number];
export type PublicCase = Ok<paths['/api/public/cases/{token}']['get']>;
export type PublicReportBody = Body<paths['/api/public/reports']['post']>;
export type Duplicate = CaseCreated['duplicates'][number];
export type DeadlineState = 'ok' | 'warning' | 'overdue';

/** A photo as the photos endpoint answers (POST /api/cases/:id/photos). */
export interface UploadedPhoto {
  id: number;
  stage: 'before' | 'after' | 'update';
  eventId: number | null;
  width: number;
  height: number;
  lng: number | null;
  lat: number | null;
  url: string;
  thumbUrl: string;
  createdAt: string;
}

/** Upload one photo to a case (multipart: `file` and the `stage`). */
export async function uploadPhoto(
  caseId: number,
  file: Blob,
  stage: 'before' | 'after' | 'update',
): Promise<UploadedPhoto> {
  try {
    return await postFile<UploadedPhoto>(
      `/api/cases/${caseId}/photos`,
      file,
      (file as File).name || 'photo.jpg',
      { stage },
    );
  } catch (error) {
    throw toApiError(error);
  }
}

export function statusLabel(status: string, lang: string): string {
  const labels = STATUS_LABELS[status as CaseStatus];
  return labels ? labels[lang === 'en' ? 'en' : 'zh-CN'] : status;
}

export function actionLabel(action: string, lang: string): string {
  if (action === 'report') return lang === 'en' ? 'reported' : '上报';
  if (action === 'merged_from') return lang === 'en' ? 'merged a duplicate' : '合并重复案件';
  if (action === 'overdue') return lang === 'en' ? 'overdue' : '超时';
  const labels = ACTION_LABELS[action as CaseAction];
  return labels ? labels[lang === 'en' ? 'en' : 'zh-CN'] : action;
}

export const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'blue',
  accepted: 'geekblue',
  rejected: 'default',
  dispatched: 'purple',
  in_progress: 'processing',
  handled: 'cyan',
  verified: 'lime',
  closed: 'success',
  deferred: 'warning',
  merged: 'default',
};

export const DEADLINE_COLORS: Record<DeadlineState, string> = {
  ok: 'green',
  warning: 'gold',
  overdue: 'red',
};

/** The local categories grid workers and residents pick most, first on the phone pages. */
export const COMMON_CATEGORIES = ['1001', '1002', '0403', '0101', '1004', '1006', '1005'];

/** Actions whose form needs a note (the server refuses them without). */
export { NOTE_REQUIRED } from '../../../shared/case-workflow';

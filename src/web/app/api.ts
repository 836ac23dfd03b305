import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';

/** The body of every failed API response. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

/** A failed call: HTTP status (0 when the network failed), the server's code, its localized message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
let language = 'zh-CN';
let networkMessage = 'Network error';
const unauthorizedListeners = new Set<() => void>();

/** Sent as x-csrf-token on every state-changing request. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The UI language: sent as Accept-Language so the server's messages and labels match. */
export function setApiLanguage(lang: string, networkErrorMessage: string): void {
  language = lang;
  networkMessage = networkErrorMessage;
}

/** Called when any request (other than the login itself) answers 401: the session is gone. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url, window.location.origin).pathname;
    if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') {
      for (const listener of unauthorizedListeners) listener();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(middleware);

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Any thrown value as an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new ApiError(0, 'ABORTED', error.message);
  return new ApiError(0, 'NETWORK', networkMessage);
}

/** Await an openapi-fetch call: its data, or an ApiError carrying the server's code, message and field details. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw toApiError(error);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    if (isErrorBody(error)) {
      throw new ApiError(response.status, error.error.code, error.error.message, error.error.details ?? []);
    }
    throw new ApiError(
      response.status,
      'HTTP_' + String(response.status),
      `${networkMessage} (${response.status})`,
    );
  }
  return data as T;
}

// Shapes of the API, named once from the generated paths.
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: { 200: infer R } } ? Json<R> : never;
type Body<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Session = Ok<paths['/api/auth/me']['get']>;
export type User = Session['user'];
export type HomeStats = Ok<paths['/api/home/stats']['get']>;
export type PlacePage = Ok<paths['/api/places']['get']>;
export type Place = PlacePage['items'][number];
export type PlaceDetail = Ok<paths['/api/places/{code}']['get']>;
export type PlaceKind = Place['kind'];
export type PlaceAction = Place['allowedActions'][number];
export type CreatePlaceBody = Body<paths['/api/places']['post']>;
export type UpdatePlaceBody = Body<paths['/api/places/{code}']['patch']>;
export type UserPage = Ok<paths['/api/users']['get']>;
export type ManagedUser = UserPage['items'][number];
export type Role = User['role'];
export type ManagedRole = Body<paths['/api/users']['post']>['role'];
export type CreateUserBody = Body<paths['/api/users']['post']>;
export type UpdateUserBody = Body<paths['/api/users/{id}']['patch']>;
export type ApiToken = Ok<paths['/api/auth/tokens']['get']>[number];
export type AuditPage = Ok<paths['/api/audit']['get']>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;
export type AuditVerify = Ok<paths['/api/audit/verify']['post']>;
export type ResidentPage = Ok<paths['/api/residents']['get']>;
export type Resident = ResidentPage['items'][number];
export type ResidentTag = Resident['tags'][number];
export type Household = Ok<paths['/api/households']['get']>['items'][number];
export type RegisterResidentBody = Body<paths['/api/residents']['post']>;
export type ImportJob = Ok<paths['/api/residents/imports/{id}']['get']>;
export type ImportFinding = ImportJob['findings']['items'][number];
export type ImportMode = Body<paths['/api/residents/imports/{id}/commit']['post']>['mode'];

async function failure(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) for (const listener of unauthorizedListeners) listener();
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? []);
  }
  return new ApiError(
    response.status,
    'HTTP_' + String(response.status),
    `${networkMessage} (${response.status})`,
  );
}

/**
 * Upload one file as multipart/form-data (field "file", after any other form fields), with the CSRF header and
 * the UI language.
 */
export async function postFile<T>(
  url: string,
  file: Blob,
  fileName: string,
  fields: Record<string, string> = {},
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken, 'Accept-Language': language },
    });
  } catch (error) {
    throw toApiError(error);
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** The file name in a Content-Disposition header (the UTF-8 form first). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/**
 * Download what the API sends (an .xlsx export or template) in the UI language, saved under the server's file
 * name. Returns the name.
 */
export async function downloadFile(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  } catch (error) {
    throw toApiError(error);
  }
  if (!response.ok) throw await failure(response);
  const name = fileNameOf(response.headers.get('content-disposition')) ?? 'download.xlsx';
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}

import type { paths } from '../../api/schema';
import { api, unwrap } from '../../app/api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: { 200: infer R } } ? Json<R> : never;
type Body<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type GridStaffList = Ok<paths['/api/grids/{code}/staff']['get']>;
export type StaffAssignment = GridStaffList['items'][number];
export type StaffPage = Ok<paths['/api/grid-staff']['get']>;
export type GapPage = Ok<paths['/api/grid-staff/gaps']['get']>;
export type Gap = GapPage['items'][number];
export type GapQuery = NonNullable<paths['/api/grid-staff/gaps']['get']['parameters']['query']>;
export type AssignBody = Body<paths['/api/grids/{code}/staff']['post']>;

export function fetchGridStaff(code: string, includeEnded: boolean): Promise<GridStaffList> {
  return unwrap(api.GET('/api/grids/{code}/staff', { params: { path: { code }, query: { includeEnded } } }));
}

export function searchStaff(q: string): Promise<StaffPage> {
  return unwrap(api.GET('/api/grid-staff', { params: { query: { q, pageSize: 20 } } }));
}

export function assignStaff(code: string, body: AssignBody): Promise<StaffAssignment> {
  return unwrap(api.POST('/api/grids/{code}/staff', { params: { path: { code } }, body }));
}

export function endAssignment(id: number): Promise<StaffAssignment> {
  return unwrap(api.POST('/api/grid-staff/{id}/end', { params: { path: { id } }, body: {} }));
}

export function fetchGaps(query: GapQuery): Promise<GapPage> {
  return unwrap(api.GET('/api/grid-staff/gaps', { params: { query } }));
}

import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';

/** The columns of a civic_case row that the figure recounts read, as the driver returns them. */
export interface RawCase {
  id: number;
  category_id: number;
  path: string;
  grid_path: string | null;
  status: string;
  accepted_at: Date | null;
  dispatched_at: Date | null;
  handled_at: Date | null;
  closed_at: Date | null;
  reported_at: Date;
  handle_due_at: Date | null;
  handled_on_time: boolean | null;
  closed_on_time: boolean | null;
  handling_minutes: number | null;
  returned_count: number;
  rework_count: number;
  extension_count: number;
  rating: number | null;
  current_due_at: Date | null;
  overdue_swept_at: Date | null;
}

/** Every case row (under a place path, when given), straight from the table: what a recount starts from. */
export async function rawCases(db: Kysely<DB>, underPlacePath?: string): Promise<RawCase[]> {
  let query = db.selectFrom('civic_case').selectAll();
  if (underPlacePath !== undefined) query = query.where('path', 'like', `${underPlacePath}%`);
  return (await query.execute()) as unknown as RawCase[];
}

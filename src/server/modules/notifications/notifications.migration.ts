import { sql, type Kysely } from 'kysely';

/**
 * The inbox serves every module: a notice is about a subject (a case, an activity, an emergency task …) at a
 * place, titled in both interface languages. Existing notices are cases' notices.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`ALTER TABLE notification ADD COLUMN subject_type text, ADD COLUMN subject_id text,
      ADD COLUMN subject_path text COLLATE "C", ADD COLUMN title_en text`,
    sql`UPDATE notification n SET subject_type = 'case', subject_id = n.case_id::text,
      subject_path = (SELECT c.path FROM civic_case c WHERE c.id = n.case_id)
      WHERE n.case_id IS NOT NULL`,
    sql`CREATE INDEX notification_subject_path_idx ON notification (subject_path)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX notification_subject_path_idx`.execute(db);
  await sql`ALTER TABLE notification DROP COLUMN subject_type, DROP COLUMN subject_id, DROP COLUMN subject_path,
    DROP COLUMN title_en`.execute(db);
}

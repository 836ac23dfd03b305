import { sql, type Kysely } from 'kysely';

/**
 * Daily rollups of the case figures (案件日汇总), so district and street figures over millions of cases read a few
 * hundred rows instead of scanning `civic_case`. See docs/ARCHITECTURE.md, "Dashboard and rollups".
 *
 * - `case_rollup`: per Beijing calendar day, per node, the counters the figures are made of. Two cohorts share a
 *   row: the reported-cohort counters (reported … satisfied) count the cases *reported* that day, the due-cohort
 *   counters (due, closed, closed_on_time) the cases whose *handling deadline* falls that day. Nodes (`dim`):
 *   `place` — the case's district, street and community (path prefixes of depth 1–3), per category and for all
 *   categories (category_id 0); `grid` — the micro-grid and its ancestors (grid path prefixes); `department` —
 *   each department the case was dispatched or summoned to. `scope_path` is the case's community-level place path
 *   for department rows (so a street can rank the departments working in it), and the node itself for place and
 *   grid rows. `open` and `overdue` are the present state of
 *   the cases reported that day (still open; open and marked overdue by the overdue sweep since their deadline).
 * - `case_rollup_dirty`: days whose rows are stale. A trigger on `civic_case` appends the reported day and the
 *   handling-due day of the old and the new row on every insert, update and delete (append only: no row is shared
 *   between writers, so intake does not queue on it). `case_department` changes always come with an update of
 *   their case, so they need no trigger of their own. The sweep deletes the rows it sees and recomputes those
 *   days from `civic_case` in the same transaction.
 * - `louyuan_local_day(t)`: the Asia/Shanghai (UTC+8 all year) calendar day of an instant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE FUNCTION louyuan_local_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ((t AT TIME ZONE 'UTC') + interval '8 hours')::date $$`,
    `CREATE TABLE case_rollup (
      day date NOT NULL,
      dim text NOT NULL CHECK (dim IN ('place','grid','department')),
      node text COLLATE "C" NOT NULL,
      category_id bigint NOT NULL DEFAULT 0,
      scope_path text COLLATE "C" NOT NULL,
      reported int NOT NULL DEFAULT 0,
      accepted int NOT NULL DEFAULT 0,
      rejected int NOT NULL DEFAULT 0,
      still_reported int NOT NULL DEFAULT 0,
      merged int NOT NULL DEFAULT 0,
      dispatched int NOT NULL DEFAULT 0,
      dispatched_clean int NOT NULL DEFAULT 0,
      extended int NOT NULL DEFAULT 0,
      handled int NOT NULL DEFAULT 0,
      handled_on_time int NOT NULL DEFAULT 0,
      reworked int NOT NULL DEFAULT 0,
      timed int NOT NULL DEFAULT 0,
      handling_minutes bigint NOT NULL DEFAULT 0,
      rated int NOT NULL DEFAULT 0,
      satisfied int NOT NULL DEFAULT 0,
      open int NOT NULL DEFAULT 0,
      overdue int NOT NULL DEFAULT 0,
      due int NOT NULL DEFAULT 0,
      closed int NOT NULL DEFAULT 0,
      closed_on_time int NOT NULL DEFAULT 0,
      -- a node's days in order: the dashboard's reads are one range of this key
      PRIMARY KEY (dim, node, category_id, day, scope_path)
    )`,
    `CREATE INDEX case_rollup_day_idx ON case_rollup (day)`,
    `CREATE INDEX case_rollup_scope_idx ON case_rollup (dim, scope_path, day)`,
    `CREATE TABLE case_rollup_dirty (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      day date NOT NULL
    )`,
    `CREATE FUNCTION case_rollup_mark() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_rollup_dirty (day)
          SELECT DISTINCT d FROM (VALUES (louyuan_local_day(OLD.reported_at)),
            (louyuan_local_day(OLD.handle_due_at))) v(d) WHERE d IS NOT NULL;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_rollup_dirty (day)
          SELECT DISTINCT d FROM (VALUES (louyuan_local_day(NEW.reported_at)),
            (louyuan_local_day(NEW.handle_due_at))) v(d) WHERE d IS NOT NULL;
      END IF;
      RETURN NULL;
    END $$`,
    `CREATE TRIGGER civic_case_rollup_mark AFTER INSERT OR UPDATE OR DELETE ON civic_case
      FOR EACH ROW EXECUTE FUNCTION case_rollup_mark()`,
    // recomputing a day reads the cases reported and due that day
    `CREATE INDEX civic_case_handle_due_idx ON civic_case (handle_due_at) WHERE handle_due_at IS NOT NULL`,
    // every day with cases is stale once: the first sweep builds the rollups of an upgraded database
    `INSERT INTO case_rollup_dirty (day) SELECT DISTINCT louyuan_local_day(reported_at) FROM civic_case`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `DROP INDEX civic_case_handle_due_idx`,
    `DROP TRIGGER civic_case_rollup_mark ON civic_case`,
    `DROP FUNCTION case_rollup_mark()`,
    `DROP TABLE case_rollup_dirty`,
    `DROP TABLE case_rollup`,
    `DROP FUNCTION louyuan_local_day(timestamptz)`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}

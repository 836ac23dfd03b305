import type { Generated } from 'kysely';

/** The module's table as Kysely sees it, added to the one DB interface by declaration merging. */
export interface KitNoteTable {
  id: Generated<number>;
  place_id: number;
  path: string;
  text: string;
  created_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/types.js' {
  interface DB {
    kit_note: KitNoteTable;
  }
}

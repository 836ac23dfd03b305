import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../paths.js';
import { openTestDatabase } from '../testing/database.js';
import type { Database } from './database.js';

/**
 * Kysely's view of the schema (db/types.ts, and the `interface DB` additions of modules' `*.tables.ts`) must name
 * exactly the tables and columns the migrations build: a column added by a migration and not to the types (or the
 * reverse) fails here, the way a stale generated API file fails `npm run check`.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

function declaredSchema(): Map<string, Set<string>> {
  const files = [path.join(PROJECT_ROOT, 'src/server/db/types.ts')];
  const modulesDir = path.join(PROJECT_ROOT, 'src/server/modules');
  for (const dir of fs.readdirSync(modulesDir)) {
    const folder = path.join(modulesDir, dir);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const f of fs.readdirSync(folder)) if (f.endsWith('.tables.ts')) files.push(path.join(folder, f));
  }
  const interfaces = new Map<string, ts.InterfaceDeclaration[]>();
  const tables = new Map<string, string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isInterfaceDeclaration(node)) {
        const list = interfaces.get(node.name.text) ?? [];
        list.push(node);
        interfaces.set(node.name.text, list);
        if (node.name.text === 'DB') {
          for (const m of node.members) {
            if (ts.isPropertySignature(m) && m.type && ts.isTypeReferenceNode(m.type)) {
              tables.set((m.name as ts.Identifier).text, m.type.typeName.getText(source));
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const schema = new Map<string, Set<string>>();
  for (const [table, typeName] of tables) {
    const columns = new Set<string>();
    for (const decl of interfaces.get(typeName) ?? []) {
      for (const m of decl.members)
        if (ts.isPropertySignature(m)) columns.add((m.name as ts.Identifier).text);
    }
    schema.set(table, columns);
  }
  return schema;
}

describe('the database types', () => {
  it('name exactly the tables and columns the migrations build', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         AND c.table_name NOT LIKE 'louyuan_migration%'
       ORDER BY 1, 2`.execute(database.db);
    const actual = new Map<string, Set<string>>();
    for (const r of rows)
      actual.set(r.table_name, (actual.get(r.table_name) ?? new Set()).add(r.column_name));
    const declared = declaredSchema();
    const missing: string[] = [];
    const extra: string[] = [];
    for (const [table, columns] of actual) {
      const known = declared.get(table);
      if (!known) missing.push(table);
      else for (const c of columns) if (!known.has(c)) missing.push(`${table}.${c}`);
    }
    for (const [table, columns] of declared) {
      const present = actual.get(table);
      if (!present) extra.push(table);
      else for (const c of columns) if (!present.has(c)) extra.push(`${table}.${c}`);
    }
    expect({ inDatabaseNotInTypes: missing, inTypesNotInDatabase: extra }).toEqual({
      inDatabaseNotInTypes: [],
      inTypesNotInDatabase: [],
    });
  });
});

/**
 * Generate the web client's types from the server's OpenAPI document.
 *   npm run gen:api          write src/web/api/schema.d.ts
 *   npm run gen:api -- --check   fail if the committed file is stale (CI)
 */
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { buildApp } from '../src/server/http/app.js';
import { AuditSealer } from '../src/server/core/audit-trail.js';
import { PROJECT_ROOT } from '../src/server/paths.js';

const target = path.join(PROJECT_ROOT, 'src/web/api/schema.d.ts');

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ kind: 'pglite-memory' });
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' };
  const app = await buildApp({
    config,
    database,
    sealer: new AuditSealer(database.db, () => {}),
    startedAt: new Date(),
  });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await database.close();
  return doc;
}

const doc = await openApiDocument();
const ast = await openapiTS(JSON.parse(JSON.stringify(doc)) as Parameters<typeof openapiTS>[0]);
const text = `// Generated from the server's OpenAPI document by \`npm run gen:api\`. Do not edit.\n${astToString(ast)}`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(
      `${path.relative(PROJECT_ROOT, target)} is stale: run npm run gen:api and commit the result.`,
    );
    process.exit(1);
  }
  console.log('API types are up to date.');
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`Wrote ${path.relative(PROJECT_ROOT, target)}`);
}

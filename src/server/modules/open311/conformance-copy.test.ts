import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Open311 conformance schemas are published beside the project (../shared/conformance/open311-georeport-v2/);
 * the repository keeps a copy in test-fixtures/ so the tests also run on a clone that is not beside them. Where
 * both exist, the copy must be the published files byte for byte.
 */
const SHARED = path.resolve(process.cwd(), '../shared/conformance/open311-georeport-v2');
const VENDORED = path.resolve(process.cwd(), 'test-fixtures/open311-georeport-v2');
const FILES = ['service.json', 'services.json', 'service-definition.json', 'request.json', 'requests.json'];

describe('the Open311 conformance schemas', () => {
  it('are kept in the repository as JSON Schemas', () => {
    for (const file of FILES) {
      const schema = JSON.parse(fs.readFileSync(path.join(VENDORED, file), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(schema.type ?? schema.items ?? schema.properties, file).toBeDefined();
    }
  });

  it('match the published copy beside the project wherever that copy exists', () => {
    const published = FILES.filter((file) => fs.existsSync(path.join(SHARED, file)));
    for (const file of published) {
      expect(
        fs.readFileSync(path.join(VENDORED, file)).equals(fs.readFileSync(path.join(SHARED, file))),
        file,
      ).toBe(true);
    }
    expect(published.length === 0 || published.length === FILES.length).toBe(true);
  });
});

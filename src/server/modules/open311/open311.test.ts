import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  errorBody,
  formatOfUrl,
  gatherAttributes,
  Open311Error,
  parseForm,
  parseIsoDate,
  reporterName,
  xmlDocument,
} from './open311.format.js';
import { checkAttributes } from './open311.service.js';

describe('Open311 wire forms', () => {
  it('takes the format from the URL suffix, JSON unless .xml', () => {
    expect(formatOfUrl('/open311/v2/services.xml')).toBe('xml');
    expect(formatOfUrl('/open311/v2/services.XML?jurisdiction_id=410103')).toBe('xml');
    expect(formatOfUrl('/open311/v2/services.json?x=.xml')).toBe('json');
    expect(formatOfUrl('/open311/v2/nothing')).toBe('json');
  });

  it('parses form bodies, keeping attribute[code] keys and [] lists', () => {
    const body = parseForm(
      'api_key=o311_x&service_code=1006&attribute%5Bfloor%5D=3&attribute[kind][]=a&attribute[kind][]=b&lat=34.7&lat=34.8',
    );
    expect(body).toEqual({
      api_key: 'o311_x',
      service_code: '1006',
      'attribute[floor]': '3',
      'attribute[kind]': ['a', 'b'],
      lat: '34.8',
    });
    expect(gatherAttributes(body)).toEqual({
      api_key: 'o311_x',
      service_code: '1006',
      lat: '34.8',
      attribute: { floor: '3', kind: ['a', 'b'] },
    });
    // a JSON body's own attribute object is merged with flat keys; bodies without them are left alone
    expect(gatherAttributes({ attribute: { a: '1' }, 'attribute[b]': '2' })).toEqual({
      attribute: { a: '1', b: '2' },
    });
    const plain = { service_code: '1006' };
    expect(gatherAttributes(plain)).toBe(plain);
    expect(gatherAttributes(null)).toBeNull();
  });

  it('reads ISO 8601 dates as clients send them, +08:00 when no offset is given', () => {
    expect(parseIsoDate('2026-11-01')?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(parseIsoDate('2026-11-01T08:30')?.toISOString()).toBe('2026-11-01T00:30:00.000Z');
    expect(parseIsoDate('2026-11-01T08:30:15Z')?.toISOString()).toBe('2026-11-01T08:30:15.000Z');
    expect(parseIsoDate('2026-11-01T08:30:15.1234+0200')?.toISOString()).toBe('2026-11-01T06:30:15.123Z');
    expect(parseIsoDate('2026-11-01 08:30:15-05:00')?.toISOString()).toBe('2026-11-01T13:30:15.000Z');
    for (const bad of [
      'yesterday',
      '2026-02-30',
      '2026-13-01',
      '2026-11-01T24:00',
      '2026-11-01T08:60',
      '1/11/2026',
      '',
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it('writes the reporter’s name family name first when it is Chinese', () => {
    expect(reporterName('晓燕', '欧阳')).toBe('欧阳晓燕');
    expect(reporterName('Ann', 'Lee')).toBe('Ann Lee');
    expect(reporterName(' ', undefined)).toBeUndefined();
    expect(reporterName('Ann')).toBe('Ann');
  });

  it('builds the spec’s XML: escaped text, null as empty, lists under their item names', () => {
    const text = xmlDocument('service_definition', null, {
      service_code: 'a&b',
      attributes: [
        { code: 'size', required: false, order: 1, description: null, values: [{ key: 'k', name: '<n>' }] },
      ],
    });
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?><service_definition>')).toBe(true);
    expect(text).toContain('<service_code>a&amp;b</service_code>');
    expect(text).toContain('<description></description>');
    expect(text).toContain('<values><value><key>k</key><name>&lt;n&gt;</name></value></values>');
    const parsed = new XMLParser({ parseTagValue: false }).parse(text) as Record<string, unknown>;
    expect(parsed.service_definition).toMatchObject({
      service_code: 'a&b',
      attributes: { attribute: { code: 'size', required: 'false', order: '1' } },
    });
    expect(xmlDocument('services', 'service', [])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><services></services>',
    );
    expect(errorBody('json', 403, 'no')).toEqual([{ code: 403, description: 'no' }]);
    expect(errorBody('xml', 404, 'gone')).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>404</code><description>gone</description></error></errors>',
    );
  });
});

describe('Open311 attribute values', () => {
  const definition = [
    { code: 'floor', datatype: 'number' as const, required: true, description: '楼层' },
    {
      code: 'size',
      datatype: 'singlevaluelist' as const,
      required: false,
      description: '面积',
      values: [
        { key: 'small', name: '小' },
        { key: 'large', name: '大' },
      ],
    },
    {
      code: 'kinds',
      datatype: 'multivaluelist' as const,
      required: false,
      description: '类型',
      values: [
        { key: 'a', name: 'A' },
        { key: 'b', name: 'B' },
      ],
    },
    { code: 'seen', datatype: 'datetime' as const, required: false, description: '发现时间' },
  ];
  const check = (submitted: Record<string, string | number | string[]>) =>
    checkAttributes('en', '1001', definition, submitted);
  const failure = (submitted: Record<string, string | number | string[]>) => {
    try {
      check(submitted);
    } catch (error) {
      expect(error).toBeInstanceOf(Open311Error);
      return (error as Open311Error).description;
    }
    throw new Error('accepted');
  };

  it('stores numbers, list keys and instants as typed values', () => {
    expect(check({ floor: ' 3 ', size: 'small', kinds: ['a', 'b', 'a'], seen: '2026-11-01T08:00' })).toEqual({
      floor: 3,
      size: 'small',
      kinds: ['a', 'b'],
      seen: '2026-11-01T00:00:00.000Z',
    });
    expect(check({ floor: 2, kinds: 'b' })).toEqual({ floor: 2, kinds: ['b'] });
  });

  it('refuses missing required, unknown and ill-typed attributes, naming them', () => {
    expect(failure({})).toMatch(/attribute\[floor\] is required/);
    expect(failure({ floor: '' })).toMatch(/attribute\[floor\] is required/);
    expect(failure({ floor: 'three' })).toMatch(/attribute\[floor\]/);
    expect(failure({ floor: 1, size: 'medium' })).toMatch(/attribute\[size\].*small, large/);
    expect(failure({ floor: 1, kinds: ['a', 'c'] })).toMatch(/attribute\[kinds\]/);
    expect(failure({ floor: 1, seen: 'last week' })).toMatch(/attribute\[seen\]/);
    expect(failure({ floor: 1, colour: 'red' })).toMatch(
      /attribute\[colour\] is not an attribute of service 1001/,
    );
  });
});

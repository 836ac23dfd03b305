import type { XlsxSheet } from '../../core/xlsx-export.js';
import type { RequestContext } from '../../core/context.js';
import { RESIDENT_TAGS } from '../../../shared/resident-tags.js';
import { requireCapability } from '../../policy/authorize.js';
import { TAG_NAMES_ZH } from '../households/households.records.js';
import { underPath } from '../../core/sql.js';
import { IMPORT_COLUMNS } from './imports.columns.js';

const TEXT_COLUMNS = new Set(['idNumber', 'phone', 'buildingCode', 'unit', 'room', 'birthDate']);

/**
 * The import template: the resident sheet (header and one example row, ID/phone/code columns formatted as
 * text so Excel keeps every digit), the actor's buildings (code, compound, name, address) and the tag names.
 */
export async function importTemplate(ctx: RequestContext): Promise<XlsxSheet<Record<string, unknown>>[]> {
  requireCapability(ctx.actor, 'residents.import');
  const { db } = ctx.app.database;
  const buildings = await db
    .selectFrom('place as b')
    .leftJoin('place as c', 'c.id', 'b.parent_id')
    .select(['b.code', 'b.name', 'b.address', 'c.name as compound'])
    .where('b.path', 'like', underPath(ctx.actor.placePath))
    .where('b.kind', '=', 'building')
    .orderBy('b.code')
    .execute();
  const example: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example]));
  if (buildings[0]) example.buildingCode = buildings[0].code;
  return [
    {
      name: { 'zh-CN': '居民信息', en: 'Residents' },
      columns: IMPORT_COLUMNS.map((c) => ({
        header: c.header,
        width: c.width,
        text: TEXT_COLUMNS.has(c.key),
        value: (row: Record<string, unknown>) => row[c.key] as string,
      })),
      rows: [example],
    },
    {
      name: { 'zh-CN': '楼栋列表', en: 'Buildings' },
      columns: [
        {
          header: { 'zh-CN': '楼栋编码', en: 'Building code' },
          value: (r) => r.code as string,
          text: true,
          width: 22,
        },
        { header: { 'zh-CN': '小区名称', en: 'Compound' }, value: (r) => r.compound as string, width: 20 },
        { header: { 'zh-CN': '楼栋名称', en: 'Building' }, value: (r) => r.name as string, width: 12 },
        { header: { 'zh-CN': '地址', en: 'Address' }, value: (r) => r.address as string, width: 36 },
      ],
      rows: buildings,
    },
    {
      name: { 'zh-CN': '标签', en: 'Tags' },
      columns: [
        {
          header: { 'zh-CN': '标签名称', en: 'Tag (Chinese name)' },
          value: (r) => r.zh as string,
          width: 14,
        },
        { header: { 'zh-CN': '英文键', en: 'Key' }, value: (r) => r.key as string, width: 22 },
      ],
      rows: RESIDENT_TAGS.map((t) => ({ key: t.key, zh: TAG_NAMES_ZH[t.key] })),
    },
  ];
}

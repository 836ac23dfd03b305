import type { Lang } from '../../http/messages.js';
import type { ResidentField } from '../households/households.records.js';

/** A column of the resident sheet: what the import reads and the template writes. */
export type ImportColumnKey = ResidentField | 'buildingCode' | 'compoundName' | 'buildingName';

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header the template writes, as community offices keep the 实有人口 ledger. */
  header: Record<Lang, string>;
  /** Other spellings accepted in a file's header row (compared without spaces, brackets' hints and case). */
  aliases: readonly string[];
  /** What the template's example row holds. */
  example: string;
  width: number;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'name',
    header: { 'zh-CN': '姓名', en: 'Name' },
    aliases: ['name', '居民姓名'],
    example: '张三',
    width: 10,
  },
  {
    key: 'idNumber',
    header: { 'zh-CN': '公民身份号码', en: 'ID number' },
    aliases: ['身份证号', '身份证号码', '公民身份证号码', '证件号码', 'id', 'idnumber', 'id no', 'id no.'],
    example: '410103199001010019',
    width: 22,
  },
  {
    key: 'gender',
    header: { 'zh-CN': '性别', en: 'Gender' },
    aliases: ['gender', 'sex'],
    example: '男',
    width: 6,
  },
  {
    key: 'birthDate',
    header: { 'zh-CN': '出生日期', en: 'Birth date' },
    aliases: ['出生年月', 'birthdate', 'date of birth', 'birthday'],
    example: '1990-01-01',
    width: 12,
  },
  {
    key: 'phone',
    header: { 'zh-CN': '联系电话', en: 'Phone' },
    aliases: ['电话', '手机', '手机号', '手机号码', '联系方式', 'phone', 'mobile', 'telephone'],
    example: '13800138000',
    width: 14,
  },
  {
    key: 'relation',
    header: { 'zh-CN': '与户主关系', en: 'Relation to head' },
    aliases: ['关系', 'relation', 'relationship'],
    example: '户主',
    width: 10,
  },
  {
    key: 'residenceType',
    header: { 'zh-CN': '人员类型', en: 'Residence type' },
    aliases: ['人口类型', 'residencetype', 'type'],
    example: '户籍',
    width: 10,
  },
  {
    key: 'housing',
    header: { 'zh-CN': '住房性质', en: 'Housing' },
    aliases: ['房屋性质', 'housing'],
    example: '自有',
    width: 10,
  },
  {
    key: 'buildingCode',
    header: { 'zh-CN': '楼栋编码', en: 'Building code' },
    aliases: ['楼栋代码', 'buildingcode', 'building code', 'place code', 'placecode'],
    example: '410103001001001001',
    width: 22,
  },
  {
    key: 'compoundName',
    header: { 'zh-CN': '小区名称', en: 'Compound' },
    aliases: ['小区', '楼院', '楼院名称', 'compound', 'compoundname'],
    example: '',
    width: 16,
  },
  {
    key: 'buildingName',
    header: { 'zh-CN': '楼栋名称', en: 'Building' },
    aliases: ['楼栋', '楼号', 'building', 'buildingname'],
    example: '',
    width: 10,
  },
  {
    key: 'unit',
    header: { 'zh-CN': '单元', en: 'Unit' },
    aliases: ['单元号', 'unit'],
    example: '1',
    width: 6,
  },
  {
    key: 'room',
    header: { 'zh-CN': '房号', en: 'Room' },
    aliases: ['房间号', '门牌号', 'room'],
    example: '101',
    width: 8,
  },
  {
    key: 'address',
    header: { 'zh-CN': '详细地址', en: 'Address' },
    aliases: ['地址', '现住址', '居住地址', 'address'],
    example: '',
    width: 30,
  },
  {
    key: 'tags',
    header: { 'zh-CN': '标签', en: 'Tags' },
    aliases: ['人员标签', 'tags', 'tag'],
    example: '党员、志愿者',
    width: 16,
  },
  {
    key: 'note',
    header: { 'zh-CN': '备注', en: 'Note' },
    aliases: ['note', 'notes', 'remark'],
    example: '',
    width: 20,
  },
];

/** Header text as compared: no spaces, no hint in brackets ("人员类型（户籍/流动/境外）"), no '*', lower case. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const BY_HEADER = new Map<string, ImportColumnKey>();
for (const column of IMPORT_COLUMNS) {
  for (const spelling of [column.header['zh-CN'], column.header.en, column.key, ...column.aliases]) {
    BY_HEADER.set(normalizeHeader(spelling), column.key);
  }
}

export function columnForHeader(text: string): ImportColumnKey | undefined {
  return BY_HEADER.get(normalizeHeader(text));
}

/** Where each known column sits in the file (0-based), and its header as the file spells it. */
export type HeaderMap = Partial<Record<ImportColumnKey, { index: number; header: string }>>;

/** A header row is one naming 姓名 and at least two other known columns. */
export function headerMapOf(cells: readonly (string | null)[]): HeaderMap | null {
  const map: HeaderMap = {};
  let known = 0;
  cells.forEach((cell, index) => {
    const key = cell ? columnForHeader(cell) : undefined;
    if (key && !map[key]) {
      map[key] = { index, header: cell?.trim() ?? '' };
      known++;
    }
  });
  return map.name && known >= 3 ? map : null;
}

/**
 * Tags on a resident (人员标签). Sensitive tags (PIPL art. 28: health, key groups) are shown only to roles
 * holding the `residents.sensitive` capability; other roles neither see them nor filter by them.
 */
export const RESIDENT_TAGS = [
  { key: 'elderly_alone', sensitive: false }, // 独居老人
  { key: 'elderly_80', sensitive: false }, // 80 岁以上高龄老人
  { key: 'left_behind_child', sensitive: false }, // 留守儿童
  { key: 'disability', sensitive: true }, // 残疾人
  { key: 'chronic_illness', sensitive: true }, // 慢性病 / 重病
  { key: 'low_income', sensitive: true }, // 低保 / 特困
  { key: 'party_member', sensitive: false }, // 党员
  { key: 'veteran', sensitive: false }, // 退役军人
  { key: 'five_elders', sensitive: false }, // “五老”（老干部、老战士、老专家、老教师、老模范）
  { key: 'volunteer', sensitive: false }, // 志愿者
  { key: 'key_group', sensitive: true }, // 重点人群
  { key: 'community_correction', sensitive: true }, // 社区矫正
] as const;

export type ResidentTag = (typeof RESIDENT_TAGS)[number]['key'];
export const RESIDENT_TAG_KEYS = RESIDENT_TAGS.map((t) => t.key) as unknown as readonly [
  ResidentTag,
  ...ResidentTag[],
];
export const SENSITIVE_TAGS: ReadonlySet<string> = new Set(
  RESIDENT_TAGS.filter((t) => t.sensitive).map((t) => t.key),
);

export const RELATIONS = ['head', 'member', 'tenant'] as const;
export const RESIDENCE_TYPES = ['registered', 'migrant', 'foreign'] as const;
export const HOUSING_TYPES = ['owned', 'rented', 'public', 'other'] as const;

import { pinyin } from 'pinyin-pro';

/** Pinyin and initials for search: 建设路街道 → "jianshelujiedao" / "jsljd". */
export function pinyinOf(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return { full: clean(syllables), initials: clean(initials) };
}

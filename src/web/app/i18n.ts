import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { webModules } from '../modules';
import { setApiLanguage } from './api';
import { mergeMessages } from './module-kit';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'louyuan.lang';

/**
 * The message parts: the shared ones here, and one per module, added from the module's messages.ts by
 * declaration merging (`declare module '../../app/i18n' { interface MessageParts { cases: typeof zh } }`), so a
 * new module edits no shared file and `t()` keys stay type-checked.
 */
export interface MessageParts {
  shared: typeof zhCN;
}

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;
type AllParts = UnionToIntersection<MessageParts[keyof MessageParts]>;

/** The merged message tree (two levels flattened, so `nav` holds the shell's and the modules' labels). */
export type Messages = { [K in keyof AllParts]: { [J in keyof AllParts[K]]: AllParts[K][J] } };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function storedLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang, (lang === 'en' ? en : zhCN).errors.network);
}

export function initI18n(): void {
  const lng = storedLang();
  const zh = mergeMessages(
    zhCN,
    webModules.map((m) => m.messages?.zh),
  );
  const english = mergeMessages(
    en,
    webModules.map((m) => m.messages?.en),
  );
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zh }, en: { translation: english } },
    lng,
    fallbackLng: 'zh-CN',
    supportedLngs: LANGS,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  applyLang(lng);
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

/** Switch the UI language; remembered in localStorage and sent to the API as Accept-Language. */
export async function setLang(lang: Lang): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  // The API language first: components re-render (and refetch) during changeLanguage.
  applyLang(lang);
  await i18next.changeLanguage(lang);
}

/** Date and time in the UI language, e.g. 2026/11/26 19:28:11. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

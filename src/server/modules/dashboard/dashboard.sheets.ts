import type { XlsxColumn } from '../../core/xlsx-export.js';

/** Pieces every dashboard sheet uses: figures as the console shows them (rates in % with one decimal). */
export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 10;
export const oneDecimal = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 10) / 10;

export function col<T>(
  zh: string,
  en: string,
  value: (row: T) => string | number | null,
  width = 14,
): XlsxColumn<T> {
  return { header: { 'zh-CN': zh, en }, value, width };
}
export const pct = <T>(zh: string, en: string, value: (row: T) => number | null) =>
  col<T>(`${zh}（%）`, `${en} (%)`, (r) => percent(value(r)));

/** An instant as Beijing local time, 'YYYY-MM-DD HH:mm' (UTC+8 all year). */
export const beijing = (iso: string | null | undefined) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

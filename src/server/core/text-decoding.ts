/**
 * Text of a CSV: UTF-8 (with or without BOM) unless the bytes are not valid UTF-8 — Excel in China saves
 * "CSV (逗号分隔)" in the system code page, GBK — then GBK (a superset of GB2312; GB18030 decoders read it too).
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

import type { pinyin as PinyinFn } from 'pinyin-pro';

/**
 * The pinyin initials of `text`, lower case ("数量指标" → "slzb", "张三" → "zs"); other characters
 * kept as written (lower-cased). `pinyin` is pinyin-pro's, which callers load at first use
 * (its dictionary is ~10 MiB of memory).
 */
export function pinyinInitials(pinyin: typeof PinyinFn, text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, '').toLowerCase();
}

import { JixiaoError, fail, ok, type Result } from '../errors.ts';
import type { SourceLine } from './raw-project.ts';

/** Largest source the importer accepts, in UTF-16 code units (~10 MB); real 绩效文本 are below 1 MB. */
export const MAX_SOURCE_LENGTH = 10 * 1024 * 1024;

// Control characters other than TAB, LF, FF and CR, plus U+FFFD (what a decoder makes of invalid bytes).
const BINARY_CHAR = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g;

function importFailed(zh: string, en: string): Result<never> {
  return fail(new JixiaoError({ code: 'IMPORT_FAILED', zh, en }));
}

/**
 * Checks that `source` is plain text worth parsing and splits it into numbered lines (BOM removed,
 * CRLF/CR turned into LF). Fails with IMPORT_FAILED for non-strings, empty, oversized or binary input,
 * and with UNSUPPORTED_LAYOUT for JSON, which belongs to the JSON import, not to this text importer.
 */
export function guardInput(source: unknown): Result<SourceLine[]> {
  if (typeof source !== 'string') {
    return importFailed('导入内容不是文本，请选择从 Word 或 PDF 导出的 .txt 文件。', 'The input is not text; choose a .txt file exported from Word or PDF.');
  }
  if (source.length > MAX_SOURCE_LENGTH) {
    return importFailed('文件过大（超过 10 MB），请只导入部门预算绩效文本本身。', 'The file is too large (over 10 MB); import only the budget performance text itself.');
  }
  const text = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return importFailed('文件为空，没有可导入的内容。', 'The file is empty; there is nothing to import.');
  }
  const binary = text.match(BINARY_CHAR)?.length ?? 0;
  if (binary > 0 && (text.includes('\u0000') || binary > text.length / 100)) {
    return importFailed(
      '文件不是可读的文本（可能是 Word、PDF 或压缩文件本身），请先另存为 UTF-8 编码的 .txt 文件再导入。',
      'The file is not readable text (perhaps a Word, PDF or archive file); save it as a UTF-8 .txt file first.',
    );
  }
  if (looksLikeJson(text)) {
    return fail(new JixiaoError({
      code: 'UNSUPPORTED_LAYOUT',
      zh: '该文件是 JSON 数据，不是绩效文本；请使用“导入 JSON”功能。',
      en: 'This file is JSON data, not a performance text; use the JSON import instead.',
    }));
  }
  return ok(text.split('\n').map((line, index) => ({ text: line, line: index + 1 })));
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

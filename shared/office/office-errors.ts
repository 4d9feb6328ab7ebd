import { JixiaoError } from '../errors.ts';

// The bilingual errors of office import; every one means nothing was created.

/** A legacy binary .doc or .xls (OLE compound file): Word/Excel 97–2003. */
export const LEGACY_FORMAT = new JixiaoError({
  code: 'IMPORT_FAILED',
  zh: '这是旧版 Word/Excel 文件（.doc/.xls），无法直接导入。请在 Word、WPS 或 Excel 中“另存为” .docx 或 .xlsx 后再导入。',
  en: 'This is a legacy Word/Excel file (.doc/.xls), which cannot be imported. Save it as .docx or .xlsx in Word, WPS or Excel and import that.',
});

/** A password-protected (encrypted) .docx/.xlsx, which is stored as an OLE compound file. */
export const ENCRYPTED = new JixiaoError({
  code: 'IMPORT_FAILED',
  zh: '文件已加密（设有打开密码），无法读取。请在 Word、WPS 或 Excel 中取消密码后另存，再导入。',
  en: 'The file is encrypted (it has an open password) and cannot be read. Remove the password in Word, WPS or Excel, save, and import again.',
});

/** A zip whose entries would expand beyond the limits (a zip bomb, or far larger than any 绩效文本). */
export function tooLarge(detail: string): JixiaoError {
  return new JixiaoError({
    code: 'IMPORT_FAILED',
    zh: '文件解压后过大或包含的文件过多（可能是“压缩炸弹”），已拒绝导入。',
    en: 'The file would expand too much or holds too many parts (perhaps a zip bomb); it was refused.',
    details: detail,
  });
}

/** A zip that is neither a Word nor an Excel file. */
export const NOT_OFFICE = new JixiaoError({
  code: 'UNSUPPORTED_LAYOUT',
  zh: '该压缩文件不是 Word（.docx）或 Excel（.xlsx）文档。',
  en: 'This zip archive is neither a Word (.docx) nor an Excel (.xlsx) document.',
});

/** A truncated or corrupt zip or XML part. */
export function damaged(detail: string): JixiaoError {
  return new JixiaoError({
    code: 'IMPORT_FAILED',
    zh: '文件不完整或已损坏（可能未下载完），无法读取。请重新保存或下载后再导入。',
    en: 'The file is incomplete or damaged (perhaps not fully downloaded) and cannot be read. Save or download it again and import that.',
    details: detail,
  });
}


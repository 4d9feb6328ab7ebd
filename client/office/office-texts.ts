import { currentLanguage } from '../i18n/i18n.ts';

// The labels of the export and print controls, kept beside them so the feature lives in one folder.
const TEXTS = {
  exportWord: { 'zh-CN': '导出 Word', en: 'Export Word' },
  exportExcel: { 'zh-CN': '导出 Excel', en: 'Export Excel' },
  exportTitle: { 'zh-CN': '下载为公文格式的文件', en: 'Download in the official layout' },
  exporting: { 'zh-CN': '正在导出…', en: 'Exporting…' },
  exportFailed: { 'zh-CN': '导出失败：', en: 'Export failed: ' },
  print: { 'zh-CN': '打印', en: 'Print' },
} as const;

/** One export/print label in the interface language. */
export function officeText(key: keyof typeof TEXTS): string {
  return TEXTS[key][currentLanguage() === 'en' ? 'en' : 'zh-CN'];
}

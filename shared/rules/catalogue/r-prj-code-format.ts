import { BLANK, excerpt } from '../format-message.ts';
import type { Rule } from '../rule.ts';

/**
 * R-PRJ-CODE-FORMAT: the 项目编码 without whitespace must be 6-digit region + 2-digit year + P + 12.
 * A code that is valid only once its whitespace is removed (a code wrapped over two lines) is still
 * reported, since the stored text is what exports print, with a fix that joins it.
 */
export const rPrjCodeFormat: Rule = {
  id: 'R-PRJ-CODE-FORMAT',
  severity: 'error',
  scope: 'project',
  message: {
    zh: '项目编码“{code}”格式不正确（应为21位：6位区划码+2位年度+P+12位）。',
    en: 'Project code “{code}” malformed (expected 21 chars: 6-digit region + 2-digit year + P + 12).',
  },
  checkProject(view, _ctx, report) {
    const { id, code } = view.project;
    const place = { project: id, field: 'code' };
    if (!view.codeValid) {
      report({ place, params: { code: code.trim() === '' ? BLANK : excerpt(code) } });
    } else if (code !== view.code) {
      report({
        place,
        params: { code: excerpt(code), fixed: view.code },
        message: { zh: '项目编码“{code}”含空白或换行，应为“{fixed}”。', en: 'Project code “{code}” contains whitespace or a line break; it should read “{fixed}”.' },
        fix: { zh: '合并为“' + view.code + '”', en: `Join into “${view.code}”`, ops: [{ op: 'setProjectField', project: id, field: 'code', value: view.code }] },
      });
    }
  },
};

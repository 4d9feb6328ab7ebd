import { BLANK, excerpt } from '../format-message.ts';
import type { Rule } from '../rule.ts';

const STRAY = /[\t\r\n\u3000]/;

/**
 * R-PRJ-NAME, adapted: the JSON has no table titles (exports derive them from the name), so only
 * "non-empty, no TAB/line break/U+3000, no leading or trailing whitespace" is checked; fixable when non-empty.
 */
export const rPrjName: Rule = {
  id: 'R-PRJ-NAME',
  severity: 'warning',
  scope: 'project',
  message: { zh: '项目名称“{name}”为空、含多余空白或与表题不一致。', en: 'Project name “{name}” is empty, has stray whitespace, or differs from the table title.' },
  checkProject(view, _ctx, report) {
    const { id, name } = view.project;
    const place = { project: id, field: 'name' };
    if (name.trim() === '') {
      report({ place, params: { name: BLANK } });
      return;
    }
    if (!STRAY.test(name) && name === name.trim()) return;
    const value = name.replace(/[\t\r\n\u3000]+/g, '').trim();
    report({ place, params: { name: excerpt(name) }, fix: { zh: '去除多余空白', en: 'Remove stray whitespace', ops: [{ op: 'setProjectField', project: id, field: 'name', value }] } });
  },
};

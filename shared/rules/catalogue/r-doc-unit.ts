import { stripWhitespace } from '../normalize-value-text.ts';
import type { Rule } from '../rule.ts';

const YEAR_IN_TITLE = /\d{4}\s*年/;

/**
 * R-DOC-UNIT, adapted: the JSON keeps one department and forces `unit: '万元'`, so what is left to
 * compare is the cover (the title) against the table header's unit name (`department.name` minus 本级),
 * and that `department.code` is the 6-digit 单位编码.
 */
export const rDocUnit: Rule = {
  id: 'R-DOC-UNIT',
  severity: 'info',
  scope: 'document',
  message: { zh: '单位名称不一致：封面“{a}”，表头“{b}”。', en: 'Department name differs: cover “{a}” vs table header “{b}”.' },
  checkDocument(doc, _views, _ctx, report) {
    const name = stripWhitespace(doc.department.name).replace(/本级$/, '');
    const title = stripWhitespace(doc.title);
    if (name !== '' && title !== '' && !title.includes(name)) {
      const cover = doc.title.split(YEAR_IN_TITLE)[0]?.trim() || doc.title.trim();
      report({ place: { field: 'department.name' }, params: { a: cover, b: doc.department.name.trim() } });
    }
    const code = doc.department.code.trim();
    if (code !== '' && !/^\d{6}$/.test(code)) {
      report({
        place: { field: 'department.code' },
        params: { code },
        message: { zh: '单位编码“{code}”应为6位数字。', en: 'Department code “{code}” should be 6 digits.' },
      });
    }
  },
};

import type { Rule } from '../rule.ts';

/** R-PRJ-CODE-UNIQUE: no two projects share a (whitespace-free, non-blank) 项目编码; reported on every later occurrence. */
export const rPrjCodeUnique: Rule = {
  id: 'R-PRJ-CODE-UNIQUE',
  severity: 'error',
  scope: 'document',
  message: { zh: '项目编码“{code}”重复。', en: 'Duplicate project code “{code}”.' },
  checkDocument(_doc, views, _ctx, report) {
    const seen = new Set<string>();
    for (const v of views) {
      if (v.code === '') continue;
      if (seen.has(v.code)) report({ place: { project: v.project.id, field: 'code' }, params: { code: v.code } });
      seen.add(v.code);
    }
  },
};

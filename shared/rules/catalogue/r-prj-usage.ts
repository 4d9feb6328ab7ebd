import { stripWhitespace } from '../normalize-value-text.ts';
import type { Rule } from '../rule.ts';

/** R-PRJ-USAGE: 资金用途 must not be blank (error); one that merely repeats the 项目名称 is an info. */
export const rPrjUsage: Rule = {
  id: 'R-PRJ-USAGE',
  severity: 'error',
  scope: 'project',
  message: { zh: '资金用途为空。', en: 'Fund usage is empty.' },
  checkProject(view, _ctx, report) {
    const place = { project: view.project.id, field: 'purpose' };
    const purpose = stripWhitespace(view.project.purpose).replace(/[。.]$/, '');
    if (purpose === '') report({ place });
    else if (purpose === view.name) {
      report({ place, variant: { severity: 'info', zh: '资金用途仅重复项目名称。', en: 'Fund usage merely repeats the project name.' } });
    }
  },
};

import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/* Only vague change words, e.g. 有所提高, 进一步提升, 明显, 得到保障, 积极性增强 (graded words like 较好 are fine). */
const VAGUE = /^(?:(?:有所|进一步|明显|显著|逐步|不断|持续|稳步|大幅|大大|得到|有效)?(?:提高|提升|改善|增强|加强|保障|增加|好转|优化)|明显|显著|积极性(?:增强|提高|提升))+[。.！!]?$/;

/** R-VAL-QUAL-VAGUE: a 效益 row whose qualitative 指标值 is nothing but vague change words. */
export const rValQualVague: Rule = {
  id: 'R-VAL-QUAL-VAGUE',
  severity: 'info',
  scope: 'cell',
  message: { zh: '定性指标值“{v}”过于笼统，建议量化或采用分级表述。', en: 'Qualitative target “{v}” is vague; quantify or use graded wording.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const p = row.parsed;
      if (row.isBenefit && p.kind === 'qualitative' && VAGUE.test(p.text.replace(/\s+/g, ''))) {
        report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(p.text) } });
      }
    }
  },
};

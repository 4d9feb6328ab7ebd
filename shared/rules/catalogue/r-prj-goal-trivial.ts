import { stripNumbering, stripWhitespace } from '../normalize-value-text.ts';
import type { Rule } from '../rule.ts';

/** R-PRJ-GOAL-TRIVIAL: 绩效目标 (without numbering and final 。) is just the 项目名称. */
export const rPrjGoalTrivial: Rule = {
  id: 'R-PRJ-GOAL-TRIVIAL',
  severity: 'info',
  scope: 'project',
  message: { zh: '绩效目标仅重复项目名称，未描述预期产出和效果。', en: 'Goal merely repeats the project name; describe expected outputs and outcomes.' },
  checkProject(view, _ctx, report) {
    const goal = stripWhitespace(stripNumbering(view.project.goal)).replace(/[。.]$/, '');
    if (goal !== '' && goal === view.name) report({ place: { project: view.project.id, field: 'goal' } });
  },
};

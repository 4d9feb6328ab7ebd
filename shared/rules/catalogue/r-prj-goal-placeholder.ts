import type { Rule } from '../rule.ts';

const GOAL_PLACEHOLDER = /目标内容\s*\d+|请(?:输入|填写)[^。\n]*|×{2,}|[Xx]{2,}/m;

/** R-PRJ-GOAL-PLACEHOLDER: 绩效目标 still holds template text (`目标内容1`, `请填写…`, `××`). */
export const rPrjGoalPlaceholder: Rule = {
  id: 'R-PRJ-GOAL-PLACEHOLDER',
  severity: 'error',
  scope: 'project',
  message: { zh: '绩效目标仍为模板占位文字“{text}”。', en: 'Performance goal is template placeholder text “{text}”.' },
  checkProject(view, _ctx, report) {
    const m = GOAL_PLACEHOLDER.exec(view.project.goal);
    if (m) report({ place: { project: view.project.id, field: 'goal' }, params: { text: m[0].trim() } });
  },
};

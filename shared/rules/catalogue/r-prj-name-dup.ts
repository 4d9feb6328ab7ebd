import type { Rule } from '../rule.ts';

/** R-PRJ-NAME-DUP: a 项目名称 (whitespace-insensitive) used by several projects; reported on each of them. */
export const rPrjNameDup: Rule = {
  id: 'R-PRJ-NAME-DUP',
  severity: 'info',
  scope: 'document',
  message: { zh: '项目名称“{name}”出现{n}次，请确认是否为不同项目。', en: 'Project name “{name}” occurs {n} times; confirm they are distinct projects.' },
  checkDocument(_doc, views, _ctx, report) {
    const groups = new Map<string, string[]>();
    for (const v of views) {
      if (v.name === '') continue;
      const ids = groups.get(v.name) ?? [];
      ids.push(v.project.id);
      groups.set(v.name, ids);
    }
    for (const [name, ids] of groups) {
      if (ids.length < 2) continue;
      for (const project of ids) report({ place: { project, field: 'name' }, params: { name, n: ids.length } });
    }
  },
};

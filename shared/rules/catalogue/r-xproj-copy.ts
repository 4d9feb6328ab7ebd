import { COST, SATISFACTION, SERVICE_SATISFACTION, TIMELINESS } from '../indicator-hierarchy.ts';
import type { ProjectView } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/* Rows every project has (deadline, cost, satisfaction) say nothing about copy-paste. */
const GENERIC_LEVEL2 = new Set([TIMELINESS, COST, SERVICE_SATISFACTION]);
/* A row shared by more projects than this is boilerplate; the cap also bounds the pair counting. */
const BOILERPLATE_PROJECTS = 6;

const keysCache = new WeakMap<ProjectView, readonly string[]>();

/* Views are immutable snapshots, so their keys can be cached across incremental runs. */
function specificRowKeys(view: ProjectView): readonly string[] {
  let keys = keysCache.get(view);
  if (!keys) {
    const set = new Set<string>();
    for (const row of view.rows) {
      if (row.name === '' || GENERIC_LEVEL2.has(row.level2) || row.level1 === SATISFACTION) continue;
      set.add(`${row.level2}\u0001${row.name}\u0001${row.description}`);
    }
    keys = [...set];
    keysCache.set(view, keys);
  }
  return keys;
}

/**
 * R-XPROJ-COPY: two projects sharing at least `copyMinShared` specific (二级, 三级, 描述) rows.
 * Rows are hashed into a map, so the cost is linear in rows plus the pairs per shared row.
 */
export const rXprojCopy: Rule = {
  id: 'R-XPROJ-COPY',
  severity: 'info',
  scope: 'document',
  message: { zh: '项目“{a}”与项目“{b}”有{n}项指标完全相同，请确认是否照搬。', en: 'Projects “{a}” and “{b}” share {n} identical indicators; check for copy-paste.' },
  checkDocument(_doc, views, ctx, report) {
    const holders = new Map<string, number[]>();
    views.forEach((view, i) => {
      for (const key of specificRowKeys(view)) {
        const list = holders.get(key);
        if (list) list.push(i);
        else holders.set(key, [i]);
      }
    });
    const pairs = new Map<number, number>();
    const n = views.length;
    for (const list of holders.values()) {
      if (list.length < 2 || list.length > BOILERPLATE_PROJECTS) continue;
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const key = (list[x] ?? 0) * n + (list[y] ?? 0);
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
    }
    const found = [...pairs].filter(([, count]) => count >= ctx.settings.copyMinShared).sort(([a], [b]) => a - b);
    for (const [key, count] of found) {
      const a = views[Math.floor(key / n)];
      const b = views[key % n];
      if (!a || !b) continue;
      report({ place: { project: b.project.id }, params: { a: a.project.name.trim(), b: b.project.name.trim(), n: count } });
    }
  },
};

import type { BudgetText } from '../../model/budget-text-schema.ts';
import type { ProjectView } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/* 行政区划代码 of the counties whose texts are the seeds; `department.region` may hold a name. */
const KNOWN_REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['乐亭县', '130225'],
  ['遵化市', '130281'],
];

function expectedRegion(doc: BudgetText, views: readonly ProjectView[], configured: string | null): string | null {
  if (configured) return configured;
  const region = doc.department.region?.trim() ?? '';
  if (/^\d{6}$/.test(region)) return region;
  const known = KNOWN_REGIONS.find(([name]) => region.includes(name) || doc.title.includes(name));
  if (known) return known[1];
  const counts = new Map<string, number>();
  for (const v of views) if (v.codeValid) counts.set(v.code.slice(0, 6), (counts.get(v.code.slice(0, 6)) ?? 0) + 1);
  let best: string | null = null;
  for (const [prefix, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = prefix;
  return best;
}

/**
 * R-PRJ-CODE-REGION: chars 1–6 of every valid 项目编码 must be the county's 行政区划代码 — from the
 * settings, else `department.region` (code or known county name), else the majority of the codes.
 */
export const rPrjCodeRegion: Rule = {
  id: 'R-PRJ-CODE-REGION',
  severity: 'warning',
  scope: 'project',
  message: { zh: '项目编码区划码{got}与本级区划码{exp}不符。', en: 'Region prefix {got} of the project code differs from {exp}.' },
  checkDocument(doc, views, ctx, report) {
    const exp = expectedRegion(doc, views, ctx.settings.regionCode);
    if (exp === null) return;
    for (const v of views) {
      const got = v.code.slice(0, 6);
      if (v.codeValid && got !== exp) report({ place: { project: v.project.id, field: 'code' }, params: { got, exp } });
    }
  },
};

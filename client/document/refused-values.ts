import { INDICATOR_FIELDS, OVERVIEW_SECTIONS, type BudgetText, type Project } from '../../shared/model/budget-text-schema.ts';
import { PROJECT_FIELDS, PROJECT_FIELD_SPECS } from '../../shared/model/project-fields.ts';
import { t } from '../i18n/i18n.ts';
import { localized } from '../i18n/localized.ts';

/**
 * The values this tab had that the server does not — after a refused update, what the writer
 * typed and would otherwise lose — one line each, `place: value`, in document order. `local` is
 * the tab's content before it started again from the server's; `server` the server's.
 */
export function listRefusedValues(local: BudgetText, server: BudgetText): string[] {
  const lines: string[] = [];
  if (local.title !== server.title) lines.push(`${t('refused.title')}：${local.title}`);
  for (const s of OVERVIEW_SECTIONS) if (local.overview[s] !== server.overview[s]) lines.push(`${t(`sections.${s}`)}：${local.overview[s]}`);
  const serverProjects = new Map(server.projects.map((p) => [p.id, p]));
  for (const p of local.projects) {
    const theirs = serverProjects.get(p.id);
    const name = p.name || t('project.untitled');
    if (!theirs) {
      lines.push(`${t('refused.newProject', { name })}`);
      continue;
    }
    for (const f of PROJECT_FIELDS) {
      const spec = PROJECT_FIELD_SPECS[f];
      const mine = spec.read(p);
      if (mine !== spec.read(theirs)) lines.push(`${name} ${localized(spec.label)}：${mine ?? ''}`);
    }
    lines.push(...rowLines(name, p, theirs));
  }
  const localIds = new Set(local.projects.map((p) => p.id));
  for (const p of server.projects) if (!localIds.has(p.id)) lines.push(t('refused.removedProject', { name: p.name || t('project.untitled') }));
  return lines;
}

function rowLines(name: string, mine: Project, theirs: Project): string[] {
  const lines: string[] = [];
  const theirRows = new Map(theirs.indicators.map((r) => [r.id, r]));
  mine.indicators.forEach((row, i) => {
    const other = theirRows.get(row.id);
    if (!other) {
      lines.push(`${name} ${t('refused.newRow', { n: i + 1 })}：${INDICATOR_FIELDS.map((f) => row[f]).filter(Boolean).join(' / ')}`);
      return;
    }
    for (const f of INDICATOR_FIELDS) if (row[f] !== other[f]) lines.push(`${name} ${t('refused.row', { n: i + 1 })} ${t(`grid.${f}`)}：${row[f]}`);
  });
  const mineIds = new Set(mine.indicators.map((r) => r.id));
  for (const r of theirs.indicators) if (!mineIds.has(r.id)) lines.push(`${name} ${t('refused.removedRow', { name: r.name })}`);
  return lines;
}

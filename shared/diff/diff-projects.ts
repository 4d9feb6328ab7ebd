import type { Project } from '../model/budget-text-schema.ts';
import type { DiffMatching, ProjectDiff, ProjectHeader } from './budget-diff.ts';
import { alignMatches } from './align-matches.ts';
import { diffProjectFields } from './diff-fields.ts';
import { diffIndicators, listOneSidedIndicators } from './diff-indicators.ts';
import { matchProjects } from './match-projects.ts';

/**
 * Every project of two versions, in `to` order with removed projects where they stood. A
 * matched project is `changed` when a header field or a row differs, or it moved.
 */
export function diffProjects(from: readonly Project[], to: readonly Project[], matching: DiffMatching): ProjectDiff[] {
  const { toFrom } = matchProjects(from, to, matching);
  return alignMatches(from, to, toFrom).map((entry): ProjectDiff => {
    switch (entry.kind) {
      case 'added':
        return oneSided(entry.after, 'added');
      case 'removed':
        return oneSided(entry.before, 'removed');
      case 'matched':
        return diffMatchedProject(entry.before, entry.after, entry.moved, matching);
    }
  });
}

function diffMatchedProject(before: Project, after: Project, moved: boolean, matching: DiffMatching): ProjectDiff {
  const fields = diffProjectFields(before, after);
  const indicators = diffIndicators(before.indicators, after.indicators, matching);
  const changed = moved || fields.length > 0 || indicators.some((r) => r.status !== 'unchanged');
  const diff: ProjectDiff = {
    status: changed ? 'changed' : 'unchanged',
    fromId: before.id,
    toId: after.id,
    code: after.code,
    name: after.name,
    moved,
    header: headerOf(after),
    fields,
    indicators,
  };
  if (before.name !== after.name) diff.renamed = { before: before.name, after: after.name };
  return diff;
}

function oneSided(project: Project, status: 'added' | 'removed'): ProjectDiff {
  return {
    status,
    ...(status === 'added' ? { toId: project.id } : { fromId: project.id }),
    code: project.code,
    name: project.name,
    moved: false,
    header: headerOf(project),
    fields: [],
    indicators: listOneSidedIndicators(project.indicators, status),
  };
}

function headerOf(project: Project): ProjectHeader {
  const { indicators: _indicators, ...header } = project;
  return header;
}

import { OVERVIEW_SECTIONS, type BudgetText } from '../model/budget-text-schema.ts';
import type { BudgetDiff, OverviewDiff } from './budget-diff.ts';
import { chooseMatching } from './choose-matching.ts';
import { diffMetaFields } from './diff-fields.ts';
import { diffProjects } from './diff-projects.ts';
import { diffText } from './diff-text.ts';
import { listChanges } from './list-changes.ts';

/**
 * The structured comparison of two versions of a document (`from` older, `to` newer; either may
 * be the live copy). Projects and rows pair by id when the versions share ids, else by 项目编码
 * and (二级指标, 三级指标) — see {@link chooseMatching}. Unchanged parts are included with
 * status `unchanged`, so the result can render the whole document; neither input is modified
 * and the result shares row objects with them.
 */
export function diffBudgetTexts(from: BudgetText, to: BudgetText): BudgetDiff {
  const matching = chooseMatching(from, to);
  const meta = diffMetaFields(from, to);
  const overview = OVERVIEW_SECTIONS.map((section): OverviewDiff => {
    const before = from.overview[section];
    const after = to.overview[section];
    return { section, status: before === after ? 'unchanged' : 'changed', before, after, segments: diffText(before, after) };
  });
  const projects = diffProjects(from.projects, to.projects, matching);
  return { matching, meta, overview, projects, changes: listChanges(meta, overview, projects) };
}

import type { BudgetOp } from '../model/budget-op.ts';
import { INDICATOR_FIELDS, OVERVIEW_SECTIONS, type BudgetText, type Project } from '../model/budget-text-schema.ts';
import type { FindingPlace } from './finding.ts';

/** A free-text cell with its place and, when one exists, the op that rewrites it. */
export interface TextCell {
  place: FindingPlace;
  text: string;
  /** The edit that sets the cell to `value`; null when no BudgetOp can write the cell (title, department). */
  rewrite(value: string): BudgetOp | null;
}

/** The document-level texts in display order: title, department name, then the three overview sections. */
export function documentTextCells(doc: BudgetText): TextCell[] {
  const cells: TextCell[] = [
    { place: { field: 'title' }, text: doc.title, rewrite: () => null },
    { place: { field: 'department.name' }, text: doc.department.name, rewrite: () => null },
  ];
  for (const section of OVERVIEW_SECTIONS) {
    cells.push({ place: { field: `overview.${section}` }, text: doc.overview[section], rewrite: (value) => ({ op: 'setOverview', section, value }) });
  }
  return cells;
}

/** The text cells of a project in table order: code, name, purpose, goal, then each row's six cells. */
export function projectTextCells(p: Project): TextCell[] {
  const project = p.id;
  const cells: TextCell[] = [
    { place: { project, field: 'code' }, text: p.code, rewrite: (value) => ({ op: 'setProjectField', project, field: 'code', value }) },
    { place: { project, field: 'name' }, text: p.name, rewrite: (value) => ({ op: 'setProjectField', project, field: 'name', value }) },
    { place: { project, field: 'purpose' }, text: p.purpose, rewrite: (value) => ({ op: 'setProjectText', project, field: 'purpose', value }) },
    { place: { project, field: 'goal' }, text: p.goal, rewrite: (value) => ({ op: 'setProjectText', project, field: 'goal', value }) },
  ];
  for (const ind of p.indicators) {
    for (const field of INDICATOR_FIELDS) {
      cells.push({
        place: { project, indicator: ind.id, field },
        text: ind[field],
        rewrite: (value) => ({ op: 'setIndicatorField', project, indicator: ind.id, field, value }),
      });
    }
  }
  return cells;
}

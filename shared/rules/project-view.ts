import type { Indicator, IndicatorField, Project } from '../model/budget-text-schema.ts';
import type { FindingPlace } from './finding.ts';
import { BENEFIT, COST, OUTPUT, QUANTITY, SATISFACTION, SERVICE_SATISFACTION, TIMELINESS, canonicalCategory } from './indicator-hierarchy.ts';
import { stripWhitespace } from './normalize-value-text.ts';
import { parseIndicatorValue, type ParsedValue } from './parse-indicator-value.ts';

/**
 * One indicator row as the rules see it: cells with all whitespace removed, the effective
 * 一级/二级 (a blank merged cell inherits the row above), and the parsed 指标值.
 */
export interface RowView {
  indicator: Indicator;
  /** Position in the project, 0-based. */
  index: number;
  level1: string;
  level2: string;
  name: string;
  description: string;
  value: string;
  basis: string;
  parsed: ParsedValue;
  isCost: boolean;
  isBenefit: boolean;
  isSatisfaction: boolean;
  isTimeliness: boolean;
  isQuantity: boolean;
}

/** A project with its rows prepared once, shared by every project rule and the cross-project rules. */
export interface ProjectView {
  project: Project;
  rows: readonly RowView[];
  /** Row position by indicator id, to order findings. */
  rowIndex: ReadonlyMap<string, number>;
  /** 项目编码 with whitespace removed. */
  code: string;
  /** Whether `code` matches the 21-character pattern 6-digit region + 2-digit year + P + 12. */
  codeValid: boolean;
  /** 2000 + chars 7–8 of a valid code, else null. */
  codeYear: number | null;
  /** 项目名称 with whitespace removed. */
  name: string;
  /**
   * Every text cell of the project joined by U+0001: a rule whose pattern cannot match it can skip
   * the cell-by-cell scan (a per-cell match is always a match here, never the reverse).
   */
  allText: string;
}

/** R-PRJ-CODE-FORMAT pattern, applied to the whitespace-free code. */
const PROJECT_CODE = /^\d{6}(\d{2})P[0-9A-Z]{12}$/;

/** Prepares a project for the rules; pure, so a cached view is valid as long as the project content is unchanged. */
export function buildProjectView(project: Project): ProjectView {
  const rows: RowView[] = [];
  const rowIndex = new Map<string, number>();
  let level1 = '';
  let level2 = '';
  project.indicators.forEach((indicator, index) => {
    const l1 = canonicalCategory(stripWhitespace(indicator.level1));
    const l2 = canonicalCategory(stripWhitespace(indicator.level2));
    // Merged cells: a blank 一级 continues the group above, and so does a blank 二级 within it.
    if (l1 !== '') {
      level1 = l1;
      level2 = l2;
    } else if (l2 !== '') {
      level2 = l2;
    }
    rowIndex.set(indicator.id, index);
    rows.push({
      indicator,
      index,
      level1,
      level2,
      name: stripWhitespace(indicator.name),
      description: stripWhitespace(indicator.description),
      value: stripWhitespace(indicator.value),
      basis: stripWhitespace(indicator.basis),
      parsed: parseIndicatorValue(indicator.value),
      isCost: level1 === COST || (level1 === OUTPUT && level2 === COST),
      isBenefit: level1 === BENEFIT,
      isSatisfaction: level1 === SATISFACTION || level2 === SERVICE_SATISFACTION,
      isTimeliness: level2 === TIMELINESS,
      isQuantity: level2 === QUANTITY,
    });
  });
  const texts = [project.code, project.name, project.purpose, project.goal];
  for (const i of project.indicators) texts.push(i.level1, i.level2, i.name, i.description, i.value, i.basis);
  const code = stripWhitespace(project.code);
  const m = PROJECT_CODE.exec(code);
  return { project, rows, rowIndex, code, codeValid: m !== null, codeYear: m ? 2000 + Number(m[1]) : null, name: stripWhitespace(project.name), allText: texts.join('\u0001') };
}

/** The place of one cell of a row. */
export function cellPlace(view: ProjectView, row: RowView, field: IndicatorField): FindingPlace {
  return { project: view.project.id, indicator: row.indicator.id, field };
}

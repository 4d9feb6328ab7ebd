import type { Finding, Severity } from '../../shared/rules/index.ts';
import { summarizeFindings } from '../../shared/rules/index.ts';
import { acknowledgementKey, type Acknowledgement } from '../../shared/review/acknowledgements.ts';
import { pushTo, type SeverityCounts } from './findings-index.ts';

/** The findings of the document (`projectId` null) or of one project, as the problems panel lists them. */
export interface FindingGroup {
  projectId: string | null;
  /** The findings of the severities shown, in validator order. */
  findings: Finding[];
  /** Counts over all of the group's findings, whether shown or not. */
  counts: SeverityCounts;
}

/**
 * Groups `findings` for the problems panel: the document's own findings first, then one group
 * per project in the order the validator reports them (document order). Only findings whose
 * severity is in `shown` are listed; a group with none of them is left out.
 */
export function groupFindings(findings: readonly Finding[], shown: ReadonlySet<Severity>): FindingGroup[] {
  const all = new Map<string | null, Finding[]>([[null, []]]);
  for (const f of findings) {
    const id = f.place.project ?? null;
    pushTo(all, id, f);
  }
  const groups: FindingGroup[] = [];
  for (const [projectId, list] of all) {
    const visible = list.filter((f) => shown.has(f.severity));
    if (visible.length > 0) groups.push({ projectId, findings: visible, counts: summarizeFindings(list) });
  }
  return groups;
}

/** One entry of a project's list: the findings of one rule there (one, or several grouped with a count). */
export interface RuleEntry {
  ruleId: string;
  findings: Finding[];
}

/**
 * Folds a group's findings by rule, in the order each rule first appears: 30 rows missing their
 * 指标值确定依据 are one entry with a count, not 30 lines, so the list stays readable.
 */
export function entriesByRule(findings: readonly Finding[]): RuleEntry[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) pushTo(byRule, f.ruleId, f);
  return [...byRule].map(([ruleId, list]) => ({ ruleId, findings: list }));
}

/** Whether someone marked `f` 已确认 (errors never count as marked: they still block submission). */
export function isAcknowledged(f: Finding, acks: ReadonlyMap<string, Acknowledgement>): boolean {
  return f.severity !== 'error' && acks.has(acknowledgementKey(f.ruleId, f.place));
}

/** The findings nobody has marked 已确认: what is still to be looked at. */
export function outstandingFindings(findings: readonly Finding[], acks: ReadonlyMap<string, Acknowledgement>): readonly Finding[] {
  return acks.size === 0 ? findings : findings.filter((f) => !isAcknowledged(f, acks));
}

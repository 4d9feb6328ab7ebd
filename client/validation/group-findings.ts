import type { Finding, Severity } from '../../shared/rules/index.ts';
import { summarizeFindings } from '../../shared/rules/index.ts';
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

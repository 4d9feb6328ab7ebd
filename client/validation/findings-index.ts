import { summarizeFindings, type Finding, type Severity } from '../../shared/rules/index.ts';

/** Number of findings per severity. */
export type SeverityCounts = ReturnType<typeof summarizeFindings>;

/** The number of findings of `severity` in `counts`. */
export function countOf(counts: SeverityCounts, severity: Severity): number {
  return severity === 'error' ? counts.errors : severity === 'warning' ? counts.warnings : counts.infos;
}

const NONE: readonly Finding[] = Object.freeze([]);

/**
 * The findings of one validation run, grouped the way the views need them. A group equal to
 * the previous run's is the previous array itself, so an element whose findings did not change
 * receives the same value and Lit skips it: an edit re-renders only the project it touched.
 */
export class FindingsIndex {
  /** An index of no findings, before the first run. */
  static readonly EMPTY = new FindingsIndex([]);

  /** Every finding, in validator order (document first, then projects in document order). */
  readonly all: readonly Finding[];
  /** Counts over {@link all}. */
  readonly counts: SeverityCounts;
  /** Findings that name no project: the document's own (title, 第一部分 sections …). */
  readonly document: readonly Finding[];
  /** True when every group equals the previous index's (nothing to re-render); false without a previous index. */
  readonly unchanged: boolean;
  readonly #byProject: Map<string, readonly Finding[]>;

  constructor(findings: readonly Finding[], previous?: FindingsIndex) {
    this.all = findings;
    this.counts = summarizeFindings(findings);
    const document: Finding[] = [];
    const byProject = new Map<string, Finding[]>();
    for (const f of findings) {
      const id = f.place.project;
      if (id === undefined) document.push(f);
      else pushTo(byProject, id, f);
    }
    this.document = previous && sameFindings(previous.document, document) ? previous.document : document;
    let unchanged = !!previous && this.document === previous.document && byProject.size === previous.#byProject.size;
    this.#byProject = new Map();
    for (const [id, list] of byProject) {
      const old = previous?.forProject(id);
      const same = !!old && sameFindings(old, list);
      this.#byProject.set(id, same ? old : list);
      unchanged &&= same;
    }
    // Same groups with the same contents can still be listed in another order (projects moved).
    this.unchanged = unchanged && !!previous && findings.every((f, i) => f.place.project === previous.all[i]?.place.project);
  }

  /** The findings of project `id` (header, rows and the project as a whole); the same array while they stay equal. */
  forProject(id: string): readonly Finding[] {
    return this.#byProject.get(id) ?? NONE;
  }
}

/** True when two lists hold equal findings in the same order (fix included). */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // Findings are small plain data built by one code path, so their JSON is a faithful key.
  return a.every((f, i) => f === b[i] || JSON.stringify(f) === JSON.stringify(b[i]));
}

/** Key of a place inside a project (or the document): `<indicator>|<field>`. */
export function placeKey(indicator: string | undefined, field: string | undefined): string {
  return `${indicator ?? ''}|${field ?? ''}`;
}

/** `findings` by {@link placeKey} of their place, for looking up one cell or field at a time. */
export function findingsByPlace(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = placeKey(f.place.indicator, f.place.field);
    pushTo(map, key, f);
  }
  return map;
}

/** Appends `value` to the list under `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

import type * as Y from 'yjs';
import { SCHEMA_VERSION, metaMap, overviewText, projectsMap, readString, sortedEntries, toProjectJson } from '../../shared/model/index.ts';
import type { BudgetText, Project } from '../../shared/model/index.ts';

/**
 * The canonical JSON of a live Y.Doc, rebuilt only where it changed: a project not named as
 * changed keeps its previous JSON object, so {@link IncrementalValidator} recognises it by
 * identity and skips it. Equal to `toBudgetJson(doc)` after every call (tested).
 */
export class BudgetJsonCache {
  #projects = new Map<string, Project>();

  /** The document's JSON; `changed` = ids of projects that may differ since the last call, null = all. */
  read(doc: Y.Doc, changed: ReadonlySet<string> | null): BudgetText {
    const next = new Map<string, Project>();
    const projects = sortedEntries(projectsMap(doc)).map(({ id, map }) => {
      const cached = changed === null || changed.has(id) ? undefined : this.#projects.get(id);
      const json = cached ?? toProjectJson(id, map);
      next.set(id, json);
      return json;
    });
    this.#projects = next;
    return { ...readDocumentFields(doc), projects };
  }
}

// Mirrors the document half of `toBudgetJson`; the cache test compares the two on every edit.
function readDocumentFields(doc: Y.Doc): Omit<BudgetText, 'projects'> {
  const meta = metaMap(doc);
  const year = meta.get('year');
  const region = meta.get('deptRegion');
  return {
    schemaVersion: SCHEMA_VERSION,
    title: readString(meta, 'title'),
    year: typeof year === 'number' ? year : null,
    department: { code: readString(meta, 'deptCode'), name: readString(meta, 'deptName'), region: typeof region === 'string' ? region : null },
    unit: '万元',
    overview: {
      overallGoal: overviewText(doc, 'overallGoal').toString(),
      subGoals: overviewText(doc, 'subGoals').toString(),
      safeguards: overviewText(doc, 'safeguards').toString(),
    },
  };
}

import type * as Y from 'yjs';
import { projectsMap, sortedEntries, toDocumentHeadJson, toProjectJson } from '../../shared/model/index.ts';
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
    return { ...toDocumentHeadJson(doc), projects };
  }
}

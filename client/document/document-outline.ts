import type * as Y from 'yjs';
import { OVERVIEW_SECTIONS, projectsMap, readString, sortedEntries, type ProjectMap } from '../../shared/model/index.ts';
import type { Finding } from '../../shared/rules/index.ts';
import type { FindingsIndex } from '../validation/findings-index.ts';

/** One project of the outline. */
export interface OutlineProject {
  id: string;
  map: ProjectMap;
  name: string;
}

/**
 * What `<budget-document>` derives from the document on every render, kept between renders: the
 * projects in order (rebuilt after `invalidate()`, called when the outline changed) and the
 * document's findings split by place (rebuilt when the findings index is a new one). A document
 * re-renders many times while it opens (state, review, presence); its grids and sections then get
 * the same arrays and stay as they are.
 */
export class DocumentOutline {
  #doc: Y.Doc | null = null;
  #projects: readonly OutlineProject[] = [];
  #index: FindingsIndex | null = null;
  #docFindings: readonly Finding[] = [];
  #sectionFindings = new Map<string, readonly Finding[]>();

  /** Forgets the projects: their list, order or names changed. */
  invalidate(): void {
    this.#doc = null;
  }

  /** The projects of `doc` in order. */
  projects(doc: Y.Doc): readonly OutlineProject[] {
    if (this.#doc !== doc) {
      this.#doc = doc;
      this.#projects = sortedEntries(projectsMap(doc)).map((p) => ({ id: p.id, map: p.map, name: readString(p.map, 'name') }));
    }
    return this.#projects;
  }

  /** Findings about the document itself, outside 第一部分's sections. */
  documentFindings(index: FindingsIndex): readonly Finding[] {
    this.#split(index);
    return this.#docFindings;
  }

  /** Findings about narrative section `section`. */
  sectionFindings(index: FindingsIndex, section: string): readonly Finding[] {
    this.#split(index);
    return this.#sectionFindings.get(section) ?? [];
  }

  #split(index: FindingsIndex): void {
    if (this.#index === index) return;
    this.#index = index;
    this.#docFindings = index.document.filter((f) => !f.place.field?.startsWith('overview.'));
    this.#sectionFindings = new Map(OVERVIEW_SECTIONS.map((s) => [s, index.document.filter((f) => f.place.field === `overview.${s}`)]));
  }
}

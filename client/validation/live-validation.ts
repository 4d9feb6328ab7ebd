import type * as Y from 'yjs';
import { readDocSettings } from '../../shared/model/index.ts';
import { IncrementalValidator } from '../../shared/rules/index.ts';
import type { Finding, IndicatorHierarchy } from '../../shared/rules/index.ts';
import { BudgetJsonCache } from './budget-json-cache.ts';

/** More changed projects than this make a run large: it waits until the page has painted. */
const LARGE_RUN_PROJECTS = 3;

/**
 * Validation of a live Y.Doc, framework-free: callers say which projects changed, `run()`
 * rebuilds the JSON of those projects only and reruns their rules (document and cross-project
 * rules always rerun). The first run, and the first after the document's indicator hierarchy
 * changed, validates everything.
 */
export class LiveValidation {
  readonly #doc: Y.Doc;
  readonly #json = new BudgetJsonCache();
  #validator: IncrementalValidator | null = null;
  #hierarchy: IndicatorHierarchy = 'legacy-3';
  #changed = new Set<string>();

  constructor(doc: Y.Doc) {
    this.#doc = doc;
  }

  /** The hierarchy the last run applied. */
  get hierarchy(): IndicatorHierarchy {
    return this.#hierarchy;
  }

  /** Notes projects whose content changed since the last run (ids of removed projects are fine). */
  markChanged(projectIds: Iterable<string>): void {
    for (const id of projectIds) this.#changed.add(id);
  }

  /** Whether the next run validates the whole document (the first run, a new hierarchy) or many projects (a sync). */
  get nextRunIsLarge(): boolean {
    return this.#validator === null || this.#changed.size > LARGE_RUN_PROJECTS || readDocSettings(this.#doc).hierarchy !== this.#hierarchy;
  }

  /** All findings of the document as it is now, in validator order. */
  run(): Finding[] {
    const { hierarchy } = readDocSettings(this.#doc);
    const full = this.#validator === null || hierarchy !== this.#hierarchy;
    if (full) {
      this.#validator = new IncrementalValidator({ hierarchy });
      this.#hierarchy = hierarchy;
    }
    const validator = this.#validator as IncrementalValidator;
    const changed = this.#changed;
    this.#changed = new Set();
    const json = this.#json.read(this.#doc, full ? null : changed);
    return full ? validator.validate(json) : validator.validate(json, changed);
  }
}

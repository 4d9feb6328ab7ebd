import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { OVERVIEW_SECTIONS, metaMap, overviewText, projectsMap, settingsMap } from '../../shared/model/index.ts';
import type { IndicatorHierarchy } from '../../shared/rules/index.ts';
import type { ObservedType } from '../collab/ydoc-controller.ts';
import { changedProjectIds, type ProjectsEvent } from './changed-projects.ts';
import { FindingsIndex } from './findings-index.ts';
import { LiveValidation } from './live-validation.ts';
import { whenIdle } from '../idle.ts';

// Long enough to fold a burst of keystrokes or one sync message into one run, short enough to feel live.
const DEFAULT_DELAY_MS = 40;
/** A large run waits for the page to be idle, at most this long (ms). */
const LARGE_RUN_LATEST_MS = 1_000;

/**
 * Validates the open document as people edit it, locally or remotely: every change schedules
 * one run a few milliseconds later (changes meanwhile join it, without postponing it), which
 * rebuilds and re-checks only the projects the changes touched. The host re-renders only when
 * the findings differ.
 */
export class ValidationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #delayMs: number;
  #doc: Y.Doc | null = null;
  #live: LiveValidation | null = null;
  #index = FindingsIndex.EMPTY;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #cancelLarge: (() => void) | null = null;
  #connected = false;
  /** Whether a run of the current document has completed (its findings are what `index` shows). */
  #ran = false;
  /** The document whose types are observed now (null when none): unobserved once, whatever calls. */
  #observed: Y.Doc | null = null;

  constructor(host: ReactiveControllerHost, delayMs = DEFAULT_DELAY_MS) {
    this.#host = host;
    this.#delayMs = delayMs;
    host.addController(this);
  }

  /** The findings of the latest run ({@link FindingsIndex.EMPTY} before the first). */
  get index(): FindingsIndex {
    return this.#index;
  }

  /**
   * True while a document is set and its first run has not completed: `index` is empty then
   * because nothing was checked yet, not because nothing is wrong (the page shows … for counts).
   */
  get pending(): boolean {
    return this.#doc !== null && !this.#ran;
  }

  /** The indicator hierarchy the latest run applied. */
  get hierarchy(): IndicatorHierarchy {
    return this.#live?.hierarchy ?? 'legacy-3';
  }

  /** Validates `doc` from now on (call from the host's `willUpdate` when its session changes). */
  setDoc(doc: Y.Doc | null): void {
    if (doc === this.#doc) return;
    this.#unsubscribe();
    this.#doc = doc;
    this.#live = null;
    this.#index = FindingsIndex.EMPTY;
    this.#ran = false;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  readonly #onProjects = (events: ProjectsEvent[]): void => {
    if (!this.#doc) return;
    this.#live?.markChanged(changedProjectIds(events, projectsMap(this.#doc)));
    this.#schedule();
  };

  readonly #onDocument = (): void => this.#schedule();

  #schedule(): void {
    if (this.#timer !== null || this.#cancelLarge !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // A whole-document run (opening, a sync) takes tens of ms: the page shows the content first.
      if (this.#live?.nextRunIsLarge) {
        this.#cancelLarge = whenIdle(() => {
          this.#cancelLarge = null;
          this.#run();
        }, LARGE_RUN_LATEST_MS);
      } else this.#run();
    }, this.#delayMs);
  }

  #run(): void {
    if (!this.#live) return;
    const hierarchy = this.#live.hierarchy;
    const next = new FindingsIndex(this.#live.run(), this.#index);
    const first = !this.#ran;
    this.#ran = true;
    // A colleague may switch the hierarchy without changing any finding: the setting still shows.
    if (next.unchanged && hierarchy === this.#live.hierarchy && !first) return;
    this.#index = next;
    this.#host.requestUpdate();
  }

  #documentTypes(doc: Y.Doc): ObservedType[] {
    return [metaMap(doc), settingsMap(doc), ...OVERVIEW_SECTIONS.map((s) => overviewText(doc, s))];
  }

  #subscribe(): void {
    const doc = this.#doc;
    if (!doc || this.#observed === doc) return;
    this.#unsubscribe();
    this.#observed = doc;
    projectsMap(doc).observeDeep(this.#onProjects);
    for (const type of this.#documentTypes(doc)) type.observeDeep(this.#onDocument);
    // Fresh after every (re)subscription: changes made while unsubscribed were not noted. The
    // first run validates whatever is there; a later sync arrives as changes.
    this.#live = new LiveValidation(doc);
    this.#schedule();
  }

  #unsubscribe(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#cancelLarge?.();
    this.#cancelLarge = null;
    const doc = this.#observed;
    this.#observed = null;
    if (!doc) return;
    projectsMap(doc).unobserveDeep(this.#onProjects);
    for (const type of this.#documentTypes(doc)) type.unobserveDeep(this.#onDocument);
  }
}

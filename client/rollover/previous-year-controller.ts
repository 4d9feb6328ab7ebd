import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { projectsMap } from '../../shared/model/index.ts';
import { readToken } from '../auth/token-store.ts';
import { DocEndpoint } from '../api/doc-endpoint.ts';
import { NextYearApi, type PreviousYear } from '../api/next-year-api.ts';

/** Last year's values of a document's rows, by row id (empty for a document without a previous year). */
export type PreviousValues = ReadonlyMap<string, { value: string; basis: string }>;

const NONE: PreviousValues = new Map();
/** Quiet time after rows were added or re-keyed before last year's values are read again. */
const REREAD_MS = 1_000;

/**
 * Reads a document's previous year when it opens (`GET /api/docs/:id/previous`) and re-renders
 * its host when it arrives. In a draft that has one, rows added, removed or re-keyed (二级, 三级,
 * 项目编码) read the values again after a quiet second, so a new row with one of last year's
 * (二级, 三级) shows its 上年指标值; a document without a previous year is never observed. A
 * failed read leaves no values: the page then looks exactly as without this feature.
 */
export class PreviousYearController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #docId = '';
  #doc: Y.Doc | null = null;
  #previous: PreviousYear['previous'] = null;
  #values: PreviousValues = NONE;
  #observed: Y.Map<unknown> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Last year's document (id, title, year), or null. */
  get previous(): PreviousYear['previous'] {
    return this.#previous;
  }

  /** 上年指标值 by row id; the same object until the next read, so grids re-render only then. */
  get values(): PreviousValues {
    return this.#values;
  }

  /** Follows document `docId` held in `doc` (nothing when it is the one already followed). */
  follow(docId: string, doc: Y.Doc | null): void {
    if (docId === this.#docId && doc === this.#doc) return;
    this.#stop();
    this.#docId = docId;
    this.#doc = doc;
    this.#previous = null;
    this.#values = NONE;
    if (docId !== '') this.#read();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#stop();
    this.#docId = '';
    this.#doc = null;
  }

  #read(): void {
    const docId = this.#docId;
    new NextYearApi(new DocEndpoint(window.location.origin, docId, readToken)).previous().then(
      (answer) => {
        if (docId !== this.#docId) return;
        this.#previous = answer.previous;
        this.#values = new Map(Object.entries(answer.values));
        if (answer.previous && this.#doc && !this.#observed) {
          this.#observed = projectsMap(this.#doc) as Y.Map<unknown>;
          this.#observed.observeDeep(this.#onChange);
        }
        this.#host.requestUpdate();
      },
      // Last year's values are an aid: without them the document is still whole.
      () => undefined,
    );
  }

  readonly #onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    const projects = this.#observed;
    if (!projects || !events.some((e) => rekeys(e, projects))) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#read(), REREAD_MS);
  };

  #stop(): void {
    clearTimeout(this.#timer);
    this.#observed?.unobserveDeep(this.#onChange);
    this.#observed = null;
  }
}

/** Whether `event` adds or removes rows, or changes what rows match by: 项目编码, 二级, 三级. */
function rekeys(event: Y.YEvent<Y.AbstractType<unknown>>, projects: Y.Map<unknown>): boolean {
  const target = event.target;
  const changed = (keys: string[]) => keys.some((k) => event.keys.has(k));
  if (target.parent === projects) return changed(['code']);
  if (target.parent?.parent === projects) return event.keys.size > 0;
  if (target.parent?.parent?.parent === projects) return changed(['level2', 'name']);
  return false;
}

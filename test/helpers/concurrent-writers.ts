import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { addIndicator, addProject, indicatorsOf, projectsMap, removeIndicator, setIndicatorField, setProjectField } from '../../shared/model/index.ts';

/** One person editing a copy of a budget document; `sv` is the server's state when they last heard from it. */
export interface Writer {
  sub: string;
  doc: Y.Doc;
  sv: Uint8Array;
}

/** What one writer's update brings to the server, under whose name. */
export interface Delivery {
  sub: string;
  update: Uint8Array;
}

/** alice, bob and carol, each with a copy of `start` (a whole document as one update) taken when the server was at `sv`. */
export function threeWriters(start: Uint8Array, sv: Uint8Array): Writer[] {
  return ['alice', 'bob', 'carol'].map((sub, i) => {
    const doc = new Y.Doc();
    doc.clientID = 1_000 + i;
    Y.applyUpdate(doc, start);
    return { sub, doc, sv };
  });
}

/**
 * One random edit by a random writer at `step` of a walk of the small budget text: a third go to
 * one cell, so writers often change it at once; the rest set a cell (sometimes empty), a project's
 * name, add or remove a row, add a project, or set one cell twice in one transaction.
 */
export function randomEdit(gen: prng.PRNG, writers: readonly Writer[], step: number): void {
  const { doc } = prng.oneOf(gen, writers as Writer[]);
  const projects = [...projectsMap(doc).keys()];
  const project = prng.oneOf(gen, projects);
  const rows = [...indicatorsOf(projectsMap(doc).get(project)!).keys()];
  const row = rows.length ? prng.oneOf(gen, rows) : null;
  const op = prng.uint32(gen, 0, 9);
  if (op <= 2) setIndicatorField(doc, 'p-reception', 'r-qual', 'value', `${step}%`);
  else if (op <= 4 && row) setIndicatorField(doc, project, row, prng.oneOf(gen, ['value', 'name', 'level1'] as const), prng.oneOf(gen, ['', '≥95%', '=100%', `${step}次`]));
  else if (op === 5) setProjectField(doc, project, 'name', prng.oneOf(gen, ['甲', '乙', '']));
  else if (op === 6) addIndicator(doc, project, { value: prng.bool(gen) ? '≥1' : '', name: '新指标' });
  else if (op === 7 && row && row !== 'r-qual' && rows.length > 2) removeIndicator(doc, project, row);
  else if (op === 8 && projects.length < 4) addProject(doc, { name: `项目${step}` });
  else if (op === 9 && row) doc.transact(() => (setIndicatorField(doc, project, row, 'value', '临时'), setIndicatorField(doc, project, row, 'value', `${step}`)));
}

/**
 * What some writers typed since they last heard from the server: one writer's or everyone's,
 * delivered one after the other or merged into one update (as a reconnect's catch-up, under the
 * first sender's name).
 */
export function pendingDeliveries(gen: prng.PRNG, writers: readonly Writer[]): Delivery[] {
  const senders = prng.bool(gen) ? [prng.oneOf(gen, writers as Writer[])] : writers;
  const sent = senders.map((w) => ({ sub: w.sub, update: Y.encodeStateAsUpdate(w.doc, w.sv) }));
  return prng.bool(gen) ? sent : [{ sub: sent[0]!.sub, update: Y.mergeUpdates(sent.map((s) => s.update)) }];
}

/** Every writer catches up with `server`, and has heard all of it. */
export function catchUp(server: Y.Doc, writers: readonly Writer[]): void {
  for (const w of writers) {
    Y.applyUpdate(w.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(w.doc)));
    w.sv = Y.encodeStateVector(server);
  }
}

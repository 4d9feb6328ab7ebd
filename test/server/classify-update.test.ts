import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { classifyUpdate } from '../../server/collab/classify-update.ts';
import { editText, removeProject, setBudget, setIndicatorField, toBudgetYDoc } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

/** A server document and a client that has synced it. */
function pair(): { server: Y.Doc; client: Y.Doc } {
  const server = toBudgetYDoc(makeSmallBudgetText());
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update `change` makes on the client, classified against the server's document. */
function classify(change: (doc: Y.Doc) => void, prepare?: (p: { server: Y.Doc; client: Y.Doc }) => void) {
  const p = pair();
  prepare?.(p);
  const sv = Y.encodeStateVector(p.client);
  change(p.client);
  const targets = classifyUpdate(p.server, Y.encodeStateAsUpdate(p.client, sv));
  // One target per place (an overwrite is an insert and a deletion of the same cell).
  return targets && [...new Map(targets.map((t) => [JSON.stringify(t), t])).values()];
}

describe('classifyUpdate: what an update would change, read without applying it', () => {
  it('names the project, row field and money cell an edit touches', () => {
    expect(classify((d) => setIndicatorField(d, 'p-vehicles', 'v-qty', 'value', 'x'))).toEqual([{ kind: 'project', project: 'p-vehicles', money: false }]);
    expect(classify((d) => setBudget(d, 'p-reception', 'total', 1))).toContainEqual({ kind: 'project', project: 'p-reception', money: true });
    expect(classify((d) => editText(d, { project: 'p-reception', field: 'goal' }, 0, 0, '新'))).toEqual([{ kind: 'project', project: 'p-reception', money: false }]);
    expect(classify((d) => editText(d, { section: 'safeguards' }, 0, 1, '新'))).toContainEqual({ kind: 'section', section: 'safeguards' });
    // Deleting a project deletes its contents too: the structure is what a grant must allow.
    expect(classify((d) => removeProject(d, 'p-reception'))).toContainEqual({ kind: 'structure' });
  });

  it('costs nothing for a client resending what the server already has', () => {
    const { server, client } = pair();
    expect(classifyUpdate(server, Y.encodeStateAsUpdate(client))).toEqual([]);
  });

  it('accepts an edit under a project someone deleted meanwhile: Yjs discards it', () => {
    const targets = classify(
      (d) => setIndicatorField(d, 'p-vehicles', 'v-qty', 'value', 'x'),
      ({ server }) => removeProject(server, 'p-vehicles'),
    );
    expect(targets?.every((t) => t.kind === 'project' && t.project === 'p-vehicles')).toBe(true);
  });

  it('refuses to place an update that hangs off structs nobody has', () => {
    const { client } = pair();
    const other = toBudgetYDoc(makeSmallBudgetText());
    const sv = Y.encodeStateVector(client);
    setIndicatorField(client, 'p-vehicles', 'v-qty', 'value', 'x');
    expect(classifyUpdate(other, Y.encodeStateAsUpdate(client, sv))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addProject,
  editText,
  INDICATOR_FIELDS,
  moveIndicator,
  moveProject,
  removeIndicator,
  setBudget,
  setIndicatorField,
  toBudgetJson,
  toBudgetYDoc,
  type BudgetText,
} from '../../../shared/model/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

type Rng = ReturnType<typeof seededRandom>;

interface Peer {
  doc: Y.Doc;
  online: boolean;
}

/** One random edit through the mutation API, as a user of the grid or a text area would make. */
function randomEdit(rng: Rng, doc: Y.Doc): void {
  const json = toBudgetJson(doc);
  const project = json.projects.length ? rng.pick(json.projects) : null;
  const row = project?.indicators.length ? rng.pick(project.indicators) : null;
  switch (rng.int(8)) {
    case 0:
      if (project) addIndicator(doc, project.id, { name: `指标${rng.int(1000)}` }, rng.int(project.indicators.length + 1));
      break;
    case 1:
      if (project && row) removeIndicator(doc, project.id, row.id);
      break;
    case 2:
      if (project && row) moveIndicator(doc, project.id, row.id, rng.int(project.indicators.length));
      break;
    case 3:
      if (rng.int(4) === 0) addProject(doc, { name: `项目${rng.int(100)}` }, rng.int(json.projects.length + 1));
      else if (project) moveProject(doc, project.id, rng.int(json.projects.length));
      break;
    case 4:
      if (project) setBudget(doc, project.id, 'total', rng.int(3) === 0 ? null : rng.int(10_000) / 100);
      break;
    case 5: {
      const section = rng.pick(['overallGoal', 'subGoals', 'safeguards'] as const);
      const len = json.overview[section].length;
      editText(doc, { section }, rng.int(len + 1), rng.int(3), rng.pick(['甲', '乙丙', '', '95%']));
      break;
    }
    case 6:
      if (project) editText(doc, { project: project.id, field: 'goal' }, rng.int(project.goal.length + 1), rng.int(2), '改');
      break;
    default:
      if (project && row) setIndicatorField(doc, project.id, row.id, rng.pick(INDICATOR_FIELDS), `值${rng.int(100)}`);
  }
}

function runScenario(seed: number, peers: number, rounds: number): BudgetText[] {
  const rng = seededRandom(seed);
  const origin = toBudgetYDoc(makeSmallBudgetText());
  const net: Peer[] = Array.from({ length: peers }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
    return { doc, online: true };
  });
  const inFlight: Array<{ to: number; update: Uint8Array }> = [];
  net.forEach((peer, i) =>
    peer.doc.on('update', (update: Uint8Array, o: unknown) => {
      if (o === 'net') return;
      net.forEach((_, j) => j !== i && inFlight.push({ to: j, update }));
    }),
  );
  for (let r = 0; r < rounds; r++) {
    const i = rng.int(peers);
    const peer = net[i]!;
    if (rng.next() < 0.02) {
      peer.online = !peer.online;
      // Coming back: exchange missing state both ways, as a provider's sync step does.
      if (peer.online) for (const other of net) if (other !== peer && other.online) syncPair(peer.doc, other.doc);
    }
    randomEdit(rng, peer.doc);
    // Deliver a random subset of messages in shuffled order; offline peers drop theirs.
    for (let k = rng.int(inFlight.length + 1); k > 0; k--) {
      const [msg] = inFlight.splice(rng.int(inFlight.length), 1);
      if (msg && net[msg.to]!.online) Y.applyUpdate(net[msg.to]!.doc, msg.update, 'net');
    }
  }
  net.forEach((p) => (p.online = true));
  for (const a of net) for (const b of net) if (a !== b) syncPair(a.doc, b.doc);
  return net.map((p) => toBudgetJson(p.doc));
}

function syncPair(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'net');
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'net');
}

describe('convergence under random concurrent edits', () => {
  for (const seed of [1, 7, 42, 1234, 99_991]) {
    it(`seed ${seed}: 5 peers, shuffled delivery, disconnects — identical JSON, unique ids, no duplicated rows`, () => {
      const results = runScenario(seed, 5, 400);
      for (const r of results) expect(r).toEqual(results[0]);
      const ids = results[0]!.projects.flatMap((p) => [p.id, ...p.indicators.map((i) => i.id)]);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }
});

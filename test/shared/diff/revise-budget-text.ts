import type { BudgetText } from '../../../shared/model/index.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

/** What {@link reviseBudgetText} did, to check a diff against. */
export interface Revision {
  cellsChanged: number;
  rowsAdded: number;
  rowsRemoved: number;
  rowsMoved: number;
}

/**
 * A later version of `doc` as a working group would make it: `edits` rounds, each of which
 * changes one cell, and every fifth round also adds, removes and moves a row in distinct projects
 * and touches the narrative. `reimport` gives every project and row a fresh id (a second import).
 * Deterministic for a given seed.
 */
export function reviseBudgetText(doc: BudgetText, edits: number, seed: number, reimport = false): { text: BudgetText; revision: Revision } {
  const text = structuredClone(doc);
  const rng = seededRandom(seed);
  const revision: Revision = { cellsChanged: 0, rowsAdded: 0, rowsRemoved: 0, rowsMoved: 0 };
  const touched = new Set<string>();
  for (let e = 0; e < edits; e++) {
    const project = rng.pick(text.projects);
    const row = rng.pick(project.indicators);
    if (touched.has(row.id)) continue;
    touched.add(row.id);
    row.description += `（第${e}次修改）`;
    revision.cellsChanged++;
    if (e % 5 !== 0) continue;
    const [a, b, c] = [text.projects[(e / 5) % text.projects.length], text.projects[(e / 5 + 1) % text.projects.length], text.projects[(e / 5 + 2) % text.projects.length]];
    if (!a || !b || !c) continue;
    a.indicators.push({ id: `new${e}`, level1: '效益指标', level2: '经济效益指标', name: `新增指标${e}`, description: '', value: '≥1', basis: '' });
    touched.add(`new${e}`); // an added row shows as added, whatever its cells
    revision.rowsAdded++;
    const gone = b.indicators.findIndex((r) => !touched.has(r.id));
    if (gone >= 0) {
      touched.add(b.indicators.splice(gone, 1)[0]?.id ?? '');
      revision.rowsRemoved++;
    }
    const moving = c.indicators.findIndex((r) => !touched.has(r.id));
    if (moving >= 0 && moving < c.indicators.length - 1) {
      const [r] = c.indicators.splice(moving, 1);
      if (r) {
        touched.add(r.id);
        c.indicators.push(r);
        revision.rowsMoved++;
      }
    }
    text.overview.subGoals = text.overview.subGoals.replace(`${e}、`, `${e}、（修订）`);
  }
  if (reimport) {
    text.projects.forEach((p, pi) => {
      p.id = `re${pi}`;
      p.indicators.forEach((r, ri) => (r.id = `re${pi}-${ri}`));
    });
  }
  return { text, revision };
}

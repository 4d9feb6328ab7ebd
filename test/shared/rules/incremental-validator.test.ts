import { describe, expect, it } from 'vitest';
import type { BudgetText, Indicator, Project } from '../../../shared/model/budget-text-schema.ts';
import { INDICATOR_FIELDS } from '../../../shared/model/budget-text-schema.ts';
import { IncrementalValidator, validateBudgetText, type ValidationSettings } from '../../../shared/rules/index.ts';
import { makeLargeBudgetText } from '../../fixtures/make-large-budget-text.ts';

/* Deterministic PRNG so a failure replays exactly (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = ['≥ 2 场次', '= 22 万元', '> 90 %', '≥ 82 %', '', '文字描述', '不涉及', '15保障人数', '>= 95 %', '2024年12月31日前', '有所提高', '= 100 %百分比', '≤ 19.9 万元', '<p>x</p>', '补涉及', '≥ 2\n≥ 3 人次'];
const TEXTS = ['培训场次', '经济效益指标', '资金拨付及时率', '领导要求', '是否符合报告', '产出指标', '效益指标', '', '数量指标', '质量指标', '提前完成天数'];

type Step = (doc: BudgetText, pick: <T>(list: readonly T[]) => T, r: () => number) => string[];

/* Each edit returns the ids of the projects whose content it changed (for validate(doc, ids)). */
const EDITS: readonly Step[] = [
  (doc, pick) => {
    const p = pick(doc.projects);
    const row = pick(p.indicators);
    const field = pick(INDICATOR_FIELDS);
    row[field] = field === 'value' ? pick(VALUES) : pick(TEXTS);
    return [p.id];
  },
  (doc, pick, r) => {
    const p = pick(doc.projects);
    p.budget = { total: pick([20, 22, 0, null]), fiscal: pick([20, 15, null]), other: pick([0, null, 2]) };
    p.spendingPlan = r() < 0.5 ? { unit: 'amount', mar: 5, jun: 10, oct: 15, dec: 20 } : { unit: 'percent', mar: pick([25, null]), jun: 50, oct: pick([75, 40]), dec: pick([100, 90]) };
    return [p.id];
  },
  (doc, pick) => {
    const p = pick(doc.projects);
    p.code = pick(['13022525P00NB7000000\n1', '13022524P00NB70000001', '13028125P00NB70000009', pick(doc.projects).code, 'bad']);
    p.name = pick([p.name, pick(doc.projects).name, ' 名称\t']);
    return [p.id];
  },
  (doc, pick) => {
    doc.year = pick([2025, 2024, null]);
    doc.overview.subGoals = pick(['', '培训场次1-0达到3场次。', doc.overview.subGoals, '二、分项绩效目标']);
    return [];
  },
  (doc, pick) => {
    const from = pick(doc.projects);
    const to = pick(doc.projects);
    if (from === to) return [];
    // Copy four rows' content across projects (R-XPROJ-COPY), keeping the target's ids.
    to.indicators.slice(0, 4).forEach((row, i) => {
      const src = from.indicators[i];
      if (src) Object.assign(row, { ...src, id: row.id });
    });
    return [to.id];
  },
  (doc, pick, r) => {
    const p = pick(doc.projects);
    if (r() < 0.5 && p.indicators.length > 1) p.indicators.splice(Math.floor(r() * p.indicators.length), 1);
    else p.indicators.reverse();
    return [p.id];
  },
  (doc, pick, r) => {
    if (r() < 0.4 && doc.projects.length > 2) {
      doc.projects.splice(Math.floor(r() * doc.projects.length), 1);
    } else if (r() < 0.5) {
      const src = pick(doc.projects);
      const n = Math.floor(r() * 1e9);
      const copy: Project = { ...structuredClone(src), id: `n${n}`, indicators: src.indicators.map((i: Indicator, k) => ({ ...i, id: `n${n}r${k}` })) };
      doc.projects.splice(Math.floor(r() * doc.projects.length), 0, copy);
    } else {
      doc.projects.push(doc.projects.shift() as Project);
    }
    return [];
  },
];

function runScenario(seed: number, inPlace: boolean, settings?: Partial<ValidationSettings>): void {
  const r = prng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  let doc = makeLargeBudgetText(6, 12);
  const byFingerprint = new IncrementalValidator(settings);
  const byIds = new IncrementalValidator(settings);
  byFingerprint.validate(doc);
  byIds.validate(doc);
  for (let step = 0; step < 250; step++) {
    const edit = pick(EDITS);
    let changed: string[];
    if (inPlace) {
      changed = edit(doc, pick, r);
    } else {
      // Immutable update, as a Y.Doc → JSON snapshot would produce: every project is a new object.
      doc = structuredClone(doc);
      changed = edit(doc, pick, r);
    }
    const expected = JSON.stringify(validateBudgetText(doc, settings));
    expect(JSON.stringify(byFingerprint.validate(doc)), `fingerprint, seed ${seed}, step ${step}`).toBe(expected);
    expect(JSON.stringify(byIds.validate(doc, changed)), `changed ids, seed ${seed}, step ${step}`).toBe(expected);
  }
}

describe('IncrementalValidator', () => {
  it('equals the full validator after random immutable edits', () => {
    for (const seed of [1, 2, 3]) runScenario(seed, false);
  });

  it('equals the full validator after random in-place edits that list the changed projects', () => {
    for (const seed of [4, 5, 6]) runScenario(seed, true);
  });

  it('equals the full validator under mof-2021-4 settings', () => {
    runScenario(7, false, { hierarchy: 'mof-2021-4', satisfactionMin: 90 });
  });

  it('reuses cached findings for unchanged projects', () => {
    const doc = makeLargeBudgetText(4, 10);
    const v = new IncrementalValidator();
    const first = v.validate(doc);
    const again = v.validate({ ...doc, projects: doc.projects.map((p) => structuredClone(p)) });
    expect(again).toEqual(first);
    // Same finding objects: nothing was recomputed for equal content.
    const sample = first.find((f) => f.place.indicator !== undefined);
    expect(again).toContain(sample);
  });
});

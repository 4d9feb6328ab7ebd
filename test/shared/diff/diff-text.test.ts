import { describe, expect, it } from 'vitest';
import { diffBudgetTexts, diffText, type TextSegment } from '../../../shared/diff/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

const rebuild = (segments: readonly TextSegment[], side: 'before' | 'after') =>
  segments
    .filter((s) => s.kind === 'equal' || s.kind === (side === 'before' ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('');

describe('diffText', () => {
  it('marks inserted and deleted Chinese characters', () => {
    expect(diffText('加强预算管理，严格执行财务制度。', '加强预算绩效管理，执行财务制度。')).toEqual([
      { kind: 'equal', text: '加强预算' },
      { kind: 'insert', text: '绩效' },
      { kind: 'equal', text: '管理，' },
      { kind: 'delete', text: '严格' },
      { kind: 'equal', text: '执行财务制度。' },
    ]);
  });

  it('shows a changed number whole, not digit by digit', () => {
    expect(diffText('年度接待45批次，2025年完成', '年度接待50批次，2026年完成')).toEqual([
      { kind: 'equal', text: '年度接待' },
      { kind: 'delete', text: '45' },
      { kind: 'insert', text: '50' },
      { kind: 'equal', text: '批次，' },
      { kind: 'delete', text: '2025' },
      { kind: 'insert', text: '2026' },
      { kind: 'equal', text: '年完成' },
    ]);
  });

  it('takes in decimals but not a list number’s dot', () => {
    expect(diffText('预算8.5万元', '预算9.5万元')).toEqual([
      { kind: 'equal', text: '预算' },
      { kind: 'delete', text: '8.5' },
      { kind: 'insert', text: '9.5' },
      { kind: 'equal', text: '万元' },
    ]);
    expect(diffText('1.规范公务接待', '2.规范公务接待')).toEqual([
      { kind: 'delete', text: '1' },
      { kind: 'insert', text: '2' },
      { kind: 'equal', text: '.规范公务接待' },
    ]);
  });

  it('gives one equal run for equal texts and nothing for two empty ones', () => {
    expect(diffText('不变', '不变')).toEqual([{ kind: 'equal', text: '不变' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', '新增')).toEqual([{ kind: 'insert', text: '新增' }]);
  });

  it('falls back to delete + insert for a complete rewrite of a long text', () => {
    const rng = seededRandom(7);
    const text = (n: number) => Array.from({ length: n }, () => rng.pick(['甲', '乙', '丙', '丁', '1', '2'])).join('');
    const before = text(20_000);
    const after = text(20_000);
    const segments = diffText(before, after);
    expect(rebuild(segments, 'before')).toBe(before);
    expect(rebuild(segments, 'after')).toBe(after);
  });

  it('always rebuilds both texts (seeded random edits)', () => {
    const rng = seededRandom(2025);
    const alphabet = ['绩', '效', '目', '标', '1', '0', '5', '.', '%', '，', '\n', ' ', '𠮷'];
    for (let run = 0; run < 300; run++) {
      const before = Array.from({ length: rng.int(40) }, () => rng.pick(alphabet)).join('');
      let after = before;
      for (let e = rng.int(5); e >= 0; e--) {
        const at = rng.int(after.length + 1);
        after = after.slice(0, at) + Array.from({ length: rng.int(4) }, () => rng.pick(alphabet)).join('') + after.slice(at + rng.int(3));
      }
      const segments = diffText(before, after);
      expect(rebuild(segments, 'before')).toBe(before);
      expect(rebuild(segments, 'after')).toBe(after);
      expect(segments.every((s) => s.text.length > 0)).toBe(true);
    }
  });
});

describe('diffBudgetTexts: narrative and document fields', () => {
  it('reports a changed overview section with segments and keeps the others as unchanged', () => {
    const to = makeSmallBudgetText();
    to.overview.safeguards = '加强预算绩效管理，严格执行财务制度。';
    const diff = diffBudgetTexts(makeSmallBudgetText(), to);
    expect(diff.overview.map((o) => `${o.section}:${o.status}`)).toEqual(['overallGoal:unchanged', 'subGoals:unchanged', 'safeguards:changed']);
    expect(diff.overview[2]?.segments).toEqual([
      { kind: 'equal', text: '加强预算' },
      { kind: 'insert', text: '绩效' },
      { kind: 'equal', text: '管理，严格执行财务制度。' },
    ]);
    expect(diff.overview[0]?.segments).toEqual([{ kind: 'equal', text: to.overview.overallGoal }]);
    expect(diff.changes).toEqual([{ kind: 'overview', section: 'safeguards' }]);
  });

  it('reports title, year and department changes', () => {
    const to = makeSmallBudgetText();
    to.title = '乐亭县机关事务中心2026年部门预算绩效文本';
    to.year = null;
    to.department.region = null;
    const diff = diffBudgetTexts(makeSmallBudgetText(), to);
    expect(diff.meta.map(({ field, before, after }) => [field, before, after])).toEqual([
      ['title', '乐亭县机关事务中心2025年部门预算绩效文本', '乐亭县机关事务中心2026年部门预算绩效文本'],
      ['year', 2025, null],
      ['department.region', '乐亭县', null],
    ]);
    expect(diff.meta[0]?.segments?.filter((s) => s.kind !== 'equal')).toEqual([
      { kind: 'delete', text: '2025' },
      { kind: 'insert', text: '2026' },
    ]);
  });
});

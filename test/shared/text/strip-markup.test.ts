import { describe, expect, it } from 'vitest';
import { validateBudgetText } from '../../../shared/rules/index.ts';
import { stripMarkup } from '../../../shared/text/strip-markup.ts';
import { mutated, rowOf } from '../rules/make-doc.ts';

describe('stripMarkup', () => {
  it('turns inline LaTeX into plain symbols', () => {
    expect(stripMarkup('工程质量合格率 $\\geq 95\\%$ ；')).toBe('工程质量合格率 ≥95% ；');
    expect(stripMarkup('$\\leq 10\\%$ and $\\text{mg}$')).toBe('≤10% and mg');
  });

  it('keeps a $ span without a backslash (money, not math)', () => {
    expect(stripMarkup('费用 $100 与 $200')).toBe('费用 $100 与 $200');
  });

  it('removes HTML tags and bookmarks, keeping paragraphs apart', () => {
    expect(stripMarkup('<p>1. 甲</p> <p>2. 乙</p>')).toBe('1. 甲\n2. 乙');
    expect(stripMarkup('[bookmark: _Toc_2_2_0000000001]一、总体绩效目标')).toBe('一、总体绩效目标');
    expect(stripMarkup('a<br/>b &amp; c<span class="x">d</span>')).toBe('a\nb & cd');
  });

  it('turns a comparator typed without dollars into its symbol, and leaves longer commands alone', () => {
    expect(stripMarkup('合格率\\geq 90\\%')).toBe('合格率≥ 90%');
    expect(stripMarkup('\\geqslant 3 次')).toBe('≥ 3 次');
    expect(stripMarkup('路径 C:\\legacy')).toBe('路径 C:\\legacy');
  });
});

describe('markup, as the rules see it', () => {
  const markupFindings = (value: string) => validateBudgetText(mutated((d) => void (rowOf(d, 0, 5).value = value))).filter((f) => f.ruleId === 'R-TXT-MARKUP');

  it('reports what stripMarkup removes and offers exactly that as the fix', () => {
    const [finding] = markupFindings('$\\geq 95\\%$');
    expect(finding?.fix?.ops).toEqual([expect.objectContaining({ value: '≥95%' })]);
  });

  it('does not report money written with dollar signs', () => {
    expect(markupFindings('$100 与 $200')).toEqual([]);
  });
});

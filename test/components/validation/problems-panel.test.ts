import { expect } from 'chai';
import type { BudgetText } from '../../../shared/model/index.ts';
import { validateBudgetText, type Finding } from '../../../shared/rules/index.ts';
import { ProblemsPanel } from '../../../client/validation/problems-panel.ts';
import { FindingsIndex } from '../../../client/validation/findings-index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { mount, shadowQuery } from '../helpers/mount.ts';

/** The small fixture with a 满意度 value written `>=90%` (fixable) and a blank 三级指标 in the second project. */
function brokenText(): BudgetText {
  const text = makeSmallBudgetText();
  const [reception, vehicles] = text.projects;
  reception!.indicators.find((r) => r.id === 'r-sat')!.value = '>=90%';
  vehicles!.indicators[0]!.name = '';
  return text;
}

async function mountPanel(text: BudgetText, readonly = false) {
  const findings = validateBudgetText(text);
  const panel = new ProblemsPanel();
  panel.findings = findings;
  panel.counts = new FindingsIndex(findings).counts;
  panel.projects = text.projects.map((p) => ({ id: p.id, name: p.name }));
  panel.readonly = readonly;
  const events: string[] = [];
  panel.addEventListener('finding-select', (e) => events.push(`select ${e.finding.ruleId}`));
  panel.addEventListener('finding-fix', (e) => events.push(`fix ${e.finding.ruleId}`));
  await mount(panel);
  const all = <T extends Element = HTMLElement>(selector: string) => [...(panel.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
  return { panel, findings, events, all };
}

const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');

describe('<problems-panel>', () => {
  it('lists every finding under its project, named and numbered as in the document', async () => {
    const { findings, all } = await mountPanel(brokenText());
    expect(all('[data-testid="problem"]').length).to.equal(findings.length);
    const groups = all('section').map((s) => s.getAttribute('aria-label'));
    expect(groups).to.include('1. 接待管理经费');
    expect(groups).to.include('2. 公务用车监督管理平台经费');
    expect(all('[data-testid="problem"]').map((li) => li.getAttribute('data-rule'))).to.include.members(findings.map((f) => f.ruleId));
  });

  it('filters by severity with toggle buttons (aria-pressed)', async () => {
    const { panel, findings, all } = await mountPanel(brokenText());
    const errors = shadowQuery(panel, '[data-testid="filter-error"]');
    expect(errors.getAttribute('aria-pressed')).to.equal('true');
    expect(errors.textContent).to.contain(String(errorsOf(findings).length));
    errors.click();
    await panel.updateComplete;
    expect(errors.getAttribute('aria-pressed')).to.equal('false');
    expect(all('[data-testid="problem"]').length).to.equal(findings.length - errorsOf(findings).length);
  });

  it('picking a finding asks to go there; 修复 asks to apply its fix', async () => {
    const { findings, events, all } = await mountPanel(brokenText());
    const fixable = findings.find((f) => f.fix);
    expect(fixable, 'the fixture has a fixable finding').to.not.equal(undefined);
    const entry = all('[data-testid="problem"]').find((li) => li.getAttribute('data-rule') === fixable!.ruleId)!;
    entry.querySelector<HTMLButtonElement>('.entry')?.click();
    entry.querySelector<HTMLButtonElement>('[data-testid="fix"]')?.click();
    expect(events).to.deep.equal([`select ${fixable!.ruleId}`, `fix ${fixable!.ruleId}`]);
  });

  it('read-only: no fixes and the hierarchy cannot be changed', async () => {
    const { panel, all } = await mountPanel(brokenText(), true);
    expect(all('[data-testid="fix"]')).to.deep.equal([]);
    expect(shadowQuery<HTMLSelectElement>(panel, '[data-testid="hierarchy-select"]').disabled).to.equal(true);
  });

  it('says so when the document has no problem', async () => {
    const panel = await mount(new ProblemsPanel());
    expect(shadowQuery(panel, '[data-testid="problems-list"]').textContent?.trim()).to.equal('✓ 未发现问题');
  });
});

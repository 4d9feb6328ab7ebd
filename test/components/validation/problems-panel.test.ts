import { expect } from 'chai';
import type { BudgetText } from '../../../shared/model/index.ts';
import { validateBudgetText, type Finding } from '../../../shared/rules/index.ts';
import { ProblemsPanel } from '../../../client/validation/problems-panel.ts';
import { FindingsIndex } from '../../../client/validation/findings-index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { acknowledgementKey } from '../../../shared/review/acknowledgements.ts';
import { mount, shadowQuery } from '../helpers/mount.ts';

/** The small fixture with a 满意度 value written `>=90%` (fixable) and a blank 三级指标 in the second project. */
function brokenText(): BudgetText {
  const text = makeSmallBudgetText();
  const [reception, vehicles] = text.projects;
  reception!.indicators.find((r) => r.id === 'r-sat')!.value = '>=90%';
  vehicles!.indicators[0]!.name = '';
  return text;
}

/** Two rows without 指标值确定依据 (one rule, two places: warnings), a vague value (hint), a satisfaction value that is not a percentage (error). */
function repeatedText(): BudgetText {
  const text = makeSmallBudgetText();
  const rows = text.projects[0]!.indicators;
  rows[4]!.value = '有所提高';
  rows[0]!.basis = '';
  rows[1]!.basis = '';
  rows[5]!.value = '有所提高';
  return text;
}

async function mountPanel(text: BudgetText, readonly = false, canAcknowledge = false) {
  const findings = validateBudgetText(text);
  const panel = new ProblemsPanel();
  panel.findings = findings;
  panel.counts = new FindingsIndex(findings).counts;
  panel.projects = text.projects.map((p) => ({ id: p.id, name: p.name }));
  panel.readonly = readonly;
  panel.canAcknowledge = canAcknowledge;
  const events: string[] = [];
  panel.addEventListener('finding-select', (e) => events.push(`select ${e.finding.ruleId}`));
  panel.addEventListener('finding-fix', (e) => events.push(`fix ${e.finding.ruleId}`));
  panel.addEventListener('finding-acknowledge', (e) => events.push(`${e.on ? 'ack' : 'unack'} ${e.findings.map((f) => f.place.indicator).join(',')}`));
  await mount(panel);
  const all = <T extends Element = HTMLElement>(selector: string) => [...(panel.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
  return { panel, findings, events, all };
}

async function showHints(panel: ProblemsPanel): Promise<void> {
  shadowQuery(panel, '[data-testid="filter-info"]').click();
  await panel.updateComplete;
}

const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');

describe('<problems-panel>', () => {
  it('lists errors and warnings under their project, named and numbered as in the document; hints only when asked', async () => {
    const { panel, findings, all } = await mountPanel(brokenText());
    const groups = all('section').map((s) => s.getAttribute('aria-label'));
    expect(groups).to.deep.equal(['2. 公务用车监督管理平台经费']);
    expect(all('[data-testid="problem"]').map((li) => li.getAttribute('data-rule'))).to.deep.equal(errorsOf(findings).map((f) => f.ruleId));
    const hints = shadowQuery(panel, '[data-testid="filter-info"]');
    expect(hints.getAttribute('aria-pressed')).to.equal('false');
    hints.click();
    await panel.updateComplete;
    expect(all('section').map((s) => s.getAttribute('aria-label'))).to.deep.equal(['1. 接待管理经费', '2. 公务用车监督管理平台经费']);
    expect(all('[data-testid="problem"]').map((li) => li.getAttribute('data-rule'))).to.include.members(findings.map((f) => f.ruleId));
  });

  it('filters by severity with toggle buttons (aria-pressed)', async () => {
    const { panel, findings, all } = await mountPanel(repeatedText());
    const errors = shadowQuery(panel, '[data-testid="filter-error"]');
    expect(errors.getAttribute('aria-pressed')).to.equal('true');
    expect(errors.textContent).to.contain(String(errorsOf(findings).length));
    errors.click();
    await panel.updateComplete;
    expect(errors.getAttribute('aria-pressed')).to.equal('false');
    expect(all('[data-testid="problem"]').map((li) => li.getAttribute('data-rule'))).to.deep.equal(['R-ROW-BASIS-REQUIRED']);
  });

  it('folds one rule’s findings in a project into one entry with a count, the rule id as a small detail', async () => {
    const { panel, events, all } = await mountPanel(repeatedText());
    const entry = all('[data-testid="problem"]').find((li) => li.getAttribute('data-rule') === 'R-ROW-BASIS-REQUIRED')!;
    expect(entry.getAttribute('data-count')).to.equal('2');
    expect(entry.querySelector('[data-testid="problem-count"]')?.textContent).to.equal('共 2 处');
    expect(entry.querySelector('.message')?.textContent).not.to.contain('R-');
    expect(entry.querySelector('small.rule')?.textContent).to.contain('规则 R-ROW-BASIS-REQUIRED');
    entry.querySelector<HTMLButtonElement>('[data-testid="problem-expand"]')!.click();
    await panel.updateComplete;
    const places = [...entry.querySelectorAll<HTMLElement>('[data-testid="problem-place"]')];
    expect(places.length).to.equal(2);
    places[1]!.querySelector<HTMLButtonElement>('.entry')!.click();
    expect(events).to.deep.equal(['select R-ROW-BASIS-REQUIRED']);
  });

  it('确认 marks a warning (every place of a grouped entry); errors offer none; only for those who may', async () => {
    const { panel, events, all } = await mountPanel(repeatedText(), false, true);
    const byRule = (rule: string) => all('[data-testid="problem"]').find((li) => li.getAttribute('data-rule') === rule)!;
    expect(byRule('R-SAT-FORMAT').querySelector('[data-testid="acknowledge"]')).to.equal(null);
    byRule('R-ROW-BASIS-REQUIRED').querySelector<HTMLButtonElement>(':scope > .line [data-testid="acknowledge"]')!.click();
    expect(events).to.deep.equal(['ack r-qty,r-qual']);
    panel.canAcknowledge = false;
    await panel.updateComplete;
    expect(all('[data-testid="acknowledge"]')).to.deep.equal([]);
  });

  it('leaves acknowledged findings out (counts too) and shows who marked them when asked', async () => {
    const { panel, findings, all } = await mountPanel(repeatedText(), false, true);
    const warnings = findings.filter((f) => f.severity === 'warning');
    const at = '2026-01-02T03:04:05Z';
    panel.acknowledgements = new Map(warnings.map((f) => [acknowledgementKey(f.ruleId, f.place), { ruleId: f.ruleId, place: f.place, by: { sub: 'bob', name: '李四' }, at }]));
    await panel.updateComplete;
    expect(all('[data-testid="problem"]').map((li) => li.getAttribute('data-rule'))).to.deep.equal(['R-SAT-FORMAT']);
    expect(shadowQuery(panel, '[data-testid="filter-warning"]').textContent).to.contain('0');
    const toggle = shadowQuery(panel, '[data-testid="filter-acknowledged"]');
    expect(toggle.textContent).to.contain('已确认 2');
    toggle.click();
    await panel.updateComplete;
    const entry = all('[data-testid="problem"]').find((li) => li.getAttribute('data-rule') === 'R-ROW-BASIS-REQUIRED')!;
    expect(entry.querySelector('[data-testid="unacknowledge"]')).to.not.equal(null);
    entry.querySelector<HTMLButtonElement>('[data-testid="problem-expand"]')!.click();
    await panel.updateComplete;
    expect(entry.querySelector('[data-testid="acknowledged-by"]')?.textContent).to.contain('已确认 · 李四');
  });

  it('picking a finding asks to go there; 修复 asks to apply its fix', async () => {
    const { panel, findings, events, all } = await mountPanel(brokenText());
    await showHints(panel);
    const fixable = findings.find((f) => f.fix);
    expect(fixable, 'the fixture has a fixable finding').to.not.equal(undefined);
    const entry = all('[data-testid="problem"]').find((li) => li.getAttribute('data-rule') === fixable!.ruleId)!;
    entry.querySelector<HTMLButtonElement>('.entry')?.click();
    entry.querySelector<HTMLButtonElement>('[data-testid="fix"]')?.click();
    expect(events).to.deep.equal([`select ${fixable!.ruleId}`, `fix ${fixable!.ruleId}`]);
  });

  it('read-only: no fixes and the hierarchy cannot be changed', async () => {
    const { panel, all } = await mountPanel(brokenText(), true);
    await showHints(panel);
    expect(all('[data-testid="problem"]').length).to.equal(2);
    expect(all('[data-testid="fix"]')).to.deep.equal([]);
    expect(shadowQuery<HTMLSelectElement>(panel, '[data-testid="hierarchy-select"]').disabled).to.equal(true);
  });

  it('says so when the document has no problem', async () => {
    const panel = await mount(new ProblemsPanel());
    expect(shadowQuery(panel, '[data-testid="problems-list"]').textContent?.trim()).to.equal('✓ 未发现问题');
  });
});

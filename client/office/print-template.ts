import { html, nothing, type TemplateResult } from 'lit';
import type { BudgetText, Project } from '../../shared/model/budget-text-schema.ts';
// Two framework-free files directly, not shared/office/index.ts, which would pull the .docx writer into the bundle.
import { indicatorRuns } from '../../shared/office/indicator-runs.ts';
import { GRID_LABELS, PART_ONE, PART_TWO, PLAN_CHECKPOINTS, SECTION_HEADINGS, formatAmount, formatPlanValue, planLabel, projectHeading, unitLine } from '../../shared/office/office-labels.ts';

const lines = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => html`<p>${l}</p>`);

function headerBlock(p: Project): TemplateResult {
  const plan = p.spendingPlan;
  return html`<table class="jx-print-head"><colgroup>${[10, 11, 15, 13, 10, 13, 15, 13].map((w) => html`<col style="width:${w}%">`)}</colgroup><tbody>
    <tr><th>项目编码</th><td colspan="3">${p.code}</td><th>项目名称</th><td colspan="3">${p.name}</td></tr>
    <tr><th rowspan="2">预算规模及资金用途</th><th>预算数</th><td class="num">${formatAmount(p.budget.total)}</td><th>其中：财政资金</th>
      <td class="num">${formatAmount(p.budget.fiscal)}</td><th>其他资金</th><td class="num" colspan="2">${formatAmount(p.budget.other)}</td></tr>
    <tr><th>资金用途</th><td colspan="6">${lines(p.purpose)}</td></tr>
    <tr><th rowspan="2">${planLabel(p)}</th>${PLAN_CHECKPOINTS.map(([, label], i) => html`<th colspan=${i === 3 ? 1 : 2}>${label}</th>`)}</tr>
    <tr>${PLAN_CHECKPOINTS.map(([key], i) => html`<td class="num" colspan=${i === 3 ? 1 : 2}>${formatPlanValue(plan[key], plan.unit)}</td>`)}</tr>
    <tr><th>绩效目标</th><td colspan="7">${lines(p.goal)}</td></tr>
  </tbody></table>`;
}

// The grid's header is a <thead>, which browsers repeat on every printed page the table runs onto.
function indicatorGrid(p: Project): TemplateResult {
  const runs = indicatorRuns(p.indicators);
  return html`<table class="jx-print-grid"><colgroup>${[10, 11, 15, 23, 13, 28].map((w) => html`<col style="width:${w}%">`)}</colgroup>
    <thead><tr>${GRID_LABELS.map((label) => html`<th>${label}</th>`)}</tr></thead>
    <tbody>${p.indicators.map((row, i) => {
      const run = runs[i] ?? { level1: 1, level2: 1 };
      return html`<tr>
        ${run.level1 > 0 ? html`<td class="level" rowspan=${run.level1}>${row.level1}</td>` : nothing}
        ${run.level2 > 0 ? html`<td class="level" rowspan=${run.level2}>${row.level2}</td>` : nothing}
        <td>${lines(row.name)}</td><td>${lines(row.description)}</td><td class="num">${row.value}</td><td>${lines(row.basis)}</td></tr>`;
    })}</tbody></table>`;
}

/**
 * The whole document laid out for printing as the published 绩效文本 are: title, 第一部分 with its three
 * sections, 第二部分 with one section per project (each on a new page) holding its heading, unit line,
 * header block and indicator grid, 一级/二级指标 merged over their runs. Built from the canonical JSON, so
 * every project is there whether or not the screen has rendered it.
 */
export function printTemplate(doc: BudgetText): TemplateResult {
  return html`<article class="jx-print">
    <h1>${doc.title}</h1>
    <h2>${PART_ONE}</h2>
    ${(['overallGoal', 'subGoals', 'safeguards'] as const).map((key) => html`<h3>${SECTION_HEADINGS[key]}</h3><div class="body">${lines(doc.overview[key])}</div>`)}
    <h2 class="part-two">${PART_TWO}</h2>
    ${doc.projects.map((p, i) => html`<section class="jx-print-project" data-project=${p.id}>
      <h3>${projectHeading(p, i + 1)}</h3>
      <div class="unit"><span>${unitLine(doc.department)}</span><span>单位：万元</span></div>
      ${headerBlock(p)}${indicatorGrid(p)}
    </section>`)}
  </article>`;
}

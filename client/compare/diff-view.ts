import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BudgetDiff, IndicatorDiff, ProjectDiff } from '../../shared/diff/index.ts';
import { INDICATOR_FIELDS, PROJECT_FIELD_SPECS, PROJECT_FIELDS, type IndicatorField } from '../../shared/model/index.ts';
import { indicatorFieldLabel, metaFieldLabel, projectFieldLabel } from './diff-labels.ts';
import { changeElementId } from './diff-steps.ts';
import { beforeAfterTemplate, segmentsTemplate, valueTemplate } from './diff-templates.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { diffViewStyles } from './diff-view.styles.ts';

/**
 * A comparison of two versions rendered as the document: changed 第一部分 texts with inserted
 * and deleted characters marked, projects and rows added (green), removed (red, struck
 * through) or moved (↕), changed cells as old → new. `changedOnly` hides what did not change;
 * `current` (an index into `diff.changes`) is highlighted and scrolled into view.
 */
export class DiffView extends LitElement {
  static override properties = {
    diff: { attribute: false },
    changedOnly: { type: Boolean, attribute: 'changed-only' },
    current: { attribute: false },
  };
  static override styles = diffViewStyles;

  /** The comparison to show. */
  declare diff: BudgetDiff | null;
  /** Hides unchanged sections, projects, header fields and rows. */
  declare changedOnly: boolean;
  /** Index of the change to highlight, or null. */
  declare current: number | null;

  constructor() {
    super();
    new I18nController(this);
    this.diff = null;
    this.changedOnly = false;
    this.current = null;
  }

  override render() {
    const diff = this.diff;
    if (!diff) return nothing;
    const overview = diff.overview.filter((o) => !this.changedOnly || o.status === 'changed');
    const projects = diff.projects.map((p, i) => ({ p, i })).filter(({ p }) => !this.changedOnly || p.status !== 'unchanged');
    return html`${diff.meta.length > 0
        ? html`<section class="part"><h2>${t('compare.basics')}</h2><dl class="fields">${diff.meta.map(
            (m) => html`<dt>${metaFieldLabel(m.field)}</dt><dd id=${`meta-${m.field}`} class="changed">${beforeAfterTemplate(m.before, m.after)}</dd>`,
          )}</dl></section>`
        : nothing}
      ${overview.length > 0
        ? html`<section class="part"><h2>${t('doc.partOne')}</h2>${overview.map(
            (o) => html`<div class="section ${o.status}" id=${`overview-${o.section}`} data-testid="diff-section-${o.section}">
              <h3>${t(`sections.${o.section}`)}</h3><p class="text">${segmentsTemplate(o.segments)}</p></div>`,
          )}</section>`
        : nothing}
      <section class="part"><h2>${t('doc.partTwo')}</h2>
        ${repeat(projects, ({ p, i }) => `${p.fromId ?? ''}>${p.toId ?? ''}:${i}`, ({ p, i }) => this.#project(p, i))}</section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('current') && !changed.has('diff') && !changed.has('changedOnly')) return;
    for (const el of this.renderRoot.querySelectorAll('.current')) el.classList.remove('current');
    const change = this.current === null ? undefined : this.diff?.changes[this.current];
    if (!change) return;
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(changeElementId(change))}`);
    el?.classList.add('current');
    if (changed.has('current') || changed.has('diff')) el?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }

  #project(p: ProjectDiff, index: number) {
    const fields = new Map(p.fields.map((f) => [f.field, f]));
    const shown = PROJECT_FIELDS.filter((f) => fields.has(f) || (!this.changedOnly && f !== 'spendingPlan.unit'));
    const rows = p.indicators.map((r, i) => ({ r, i })).filter(({ r }) => !this.changedOnly || r.status !== 'unchanged');
    const badge = p.status === 'added' ? t('compare.added') : p.status === 'removed' ? t('compare.removed') : null;
    return html`<article class="project ${p.status} ${p.moved ? 'moved' : ''}" id=${`project-${index}`} data-testid="diff-project">
      <h3>${p.name || t('project.untitled')} ${badge ? html`<span class="badge ${p.status}">${badge}</span>` : nothing}
        ${p.moved ? html`<span class="badge moved">↕ ${t('compare.moved')}</span>` : nothing}
        ${p.renamed ? html`<span class="badge renamed">${t('compare.renamed')}：${beforeAfterTemplate(p.renamed.before, p.renamed.after)}</span>` : nothing}</h3>
      ${shown.length > 0
        ? html`<dl class="fields">${shown.map((f) => {
            const change = fields.get(f);
            return html`<dt>${projectFieldLabel(f)}</dt><dd id=${`project-${index}-${f}`} class=${change ? 'changed' : ''}>${
              change ? (change.segments ? segmentsTemplate(change.segments) : beforeAfterTemplate(change.before, change.after, f)) : valueTemplate(PROJECT_FIELD_SPECS[f].read(p.header), f)
            }</dd>`;
          })}</dl>`
        : nothing}
      ${rows.length > 0
        ? html`<table data-testid="diff-table"><thead><tr><th class="mark"><span class="visually-hidden">±</span></th>${INDICATOR_FIELDS.map((f) => html`<th>${indicatorFieldLabel(f)}</th>`)}</tr></thead>
            <tbody>${rows.map(({ r, i }) => this.#row(r, index, i))}</tbody></table>`
        : nothing}
    </article>`;
  }

  #row(r: IndicatorDiff, project: number, index: number) {
    const cells = new Map(r.cells.map((c) => [c.field, c]));
    const mark = r.status === 'added' ? '+' : r.status === 'removed' ? '−' : r.moved ? '↕' : r.status === 'changed' ? '~' : '';
    return html`<tr id=${`row-${project}-${index}`} class="${r.status} ${r.moved ? 'moved' : ''}" data-testid="diff-row" data-status=${r.status}>
      <td class="mark" title=${r.moved ? t('compare.moved') : ''}>${mark}</td>
      ${INDICATOR_FIELDS.map((f: IndicatorField) => {
        const change = cells.get(f);
        return html`<td id=${`row-${project}-${index}-${f}`} class=${change ? 'changed' : ''} data-testid=${change ? 'diff-cell-changed' : nothing}>${
          change ? beforeAfterTemplate(change.before, change.after) : r.row[f]
        }</td>`;
      })}
    </tr>`;
  }
}

customElements.define('diff-view', DiffView);

declare global {
  interface HTMLElementTagNameMap {
    'diff-view': DiffView;
  }
}

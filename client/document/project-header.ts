import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type * as Y from 'yjs';
import { projectsMap, readAmount, readString, setBudget, setProjectField, setSpendingPlan } from '../../shared/model/index.ts';
import type { BudgetField, PlanCheckpoint, ProjectField, ProjectScalarField, ProjectTextField } from '../../shared/model/index.ts';
import type { Finding } from '../../shared/rules/index.ts';
import type { Peer } from '../collab/peer.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import { FindingHintController } from '../validation/finding-hint-controller.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { YDocController } from '../collab/ydoc-controller.ts';
import { CursorChangeEvent, type AmountChangeEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { findingStyles } from '../validation/finding.styles.ts';
import { findingMark } from '../validation/finding-marks.ts';
import { pushTo } from '../validation/findings-index.ts';
import { focusWithin } from '../validation/focus-within.ts';
import type { DocReview } from '../review/doc-review.ts';
import { headerPlace, headerReviewStyles, headerSuggestionsAt, markerAt } from '../review/header-review.ts';
import { SuggestValueEvent } from '../review/review-events.ts';
import { formatAmount, parseAmount } from './parse-amount.ts';
import type { Thread } from '../../shared/review/review-types.ts';
import type { AmountField } from './amount-field.ts';
import './amount-field.ts';
import '../validation/finding-popover.ts';
import '../text/ytext-area.ts';

const BUDGET_FIELDS: readonly BudgetField[] = ['total', 'fiscal', 'other'];
const CHECKPOINTS: readonly PlanCheckpoint[] = ['mar', 'jun', 'oct', 'dec'];
// One empty list for every field without findings, so fields do not re-render for nothing.
const NONE: readonly Finding[] = [];
const NO_THREADS: readonly Thread[] = [];

/** The header of one project's 绩效目标表: code, name, amounts, 资金用途, spending plan and 绩效目标. */
export class ProjectHeader extends LitElement {
  static override properties = {
    doc: { attribute: false },
    origin: { attribute: false },
    projectId: { attribute: 'project-id' },
    readonly: { type: Boolean },
    findings: { attribute: false },
    history: { attribute: false },
    peers: { attribute: false },
    review: { attribute: false },
  };
  static override styles = [
    fieldStyles,
    findingStyles,
    headerReviewStyles,
    css`
      :host { display: block; }
      .form { display: grid; grid-template-columns: 7rem minmax(14.5rem, 1fr) 7rem minmax(0, 1fr) 7rem minmax(0, 1fr); gap: 0.5rem 0.75rem; align-items: start; }
      label, .label { padding-top: 0.4rem; color: var(--jx-muted); font-size: 0.9rem; }
      .wide { grid-column: 2 / -1; }
      .field-name { grid-column: 4 / -1; }
      /* The unit list as wide as its longest option (English is long); the four amounts share the rest. */
      .plan { grid-column: 2 / -1; display: grid; grid-template-columns: max-content repeat(4, minmax(0, 1fr)); gap: 0.5rem; }
      .plan span { display: block; font-size: 0.8rem; color: var(--jx-muted); }
      .plan[class*='finding-'] { padding: 0.3rem 0.5rem; border-radius: 4px; }
    `,
  ];

  /** The document holding the project. */
  declare doc: Y.Doc | null;
  /** Transaction origin of this tab's edits. */
  declare origin: unknown;
  /** Id of the project shown. */
  declare projectId: string;
  /** Shows the header without letting the user change it. */
  declare readonly: boolean;
  /** Validation findings of the project; those on a header field (`code`, `budget.total`, `spendingPlan.mar` …) mark it. */
  declare findings: readonly Finding[];
  /** This tab's undo history: Esc in a field takes back this user's edits since entering it. */
  declare history: UndoHistory | null;
  /** Colleagues working in this project: their carets show in 资金用途 and 绩效目标. */
  declare peers: readonly Peer[];
  /** Comment markers and suggested values of the fields, and whether edits become suggestions; null without review. */
  declare review: DocReview | null;

  // Nested Y.Texts render themselves; only the header's own scalar fields matter here.
  readonly #changes = new YDocController(this, (events) => events.some((e) => e.target === this.#project));
  #project: Y.Map<unknown> | undefined;
  readonly #hint = new FindingHintController(this, (key) => this.#marks.get(key) ?? []);
  // Header findings by field path (`budget.total` …).
  #marks = new Map<string, Finding[]>();
  // Undo steps when focus entered the current field: Esc undoes back to here.
  #depthAtFocus = 0;

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
    this.origin = null;
    this.projectId = '';
    this.readonly = false;
    this.findings = [];
    this.history = null;
    this.peers = [];
    this.review = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doc') || changed.has('projectId')) {
      this.#project = this.doc ? projectsMap(this.doc).get(this.projectId) : undefined;
      this.#changes.observe(this.#project ? [this.#project] : []);
    }
    if (changed.has('findings')) {
      this.#marks = new Map();
      for (const f of this.findings) {
        if (f.place.indicator !== undefined || f.place.field === undefined) continue;
        pushTo(this.#marks, f.place.field, f);
      }
    }
  }

  /** Focuses the input of header field `path` (a finding's `place.field`, e.g. `budget.total`); false if there is none. */
  focusField(path: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-finding-key="${CSS.escape(path)}"]`);
    if (!target) return false;
    target.scrollIntoView({ block: 'center' });
    return focusWithin(target);
  }

  override render() {
    const project = this.#project;
    if (!project) return null;
    const id = this.projectId;
    const unit = project.get('planUnit') === 'amount' ? 'amount' : 'percent';
    const hint = this.#hint.hint;
    const plan = findingMark(this.#marks.get('spendingPlan') ?? []);
    const suggesting = this.review?.suggesting ?? false;
    // Read-only unless the user may edit, or suggests (a commit then proposes the value).
    const locked = this.readonly && !suggesting;
    return html`<div class="form" @focusin=${this.#onFocusIn} @keydown=${this.#onKeyDown} @focusout=${() => this.dispatchEvent(new CursorChangeEvent(null))}>
      ${this.#scalar(project, 'code')} ${this.#scalar(project, 'name')}
      ${BUDGET_FIELDS.map(
        (f) => html`<span class="label">${t('project.inWanyuan', { label: t(`project.${f}`) })}${markerAt(this.review, id, `budget.${f}`)}</span>
          <div class="field"><amount-field data-field=${f} data-finding-key="budget.${f}" data-review-target="header:${id}:budget.${f}" .findings=${this.#marks.get(`budget.${f}`) ?? NONE}
            .value=${readAmount(project, f)} label=${t(`project.${f}`)} testid="project-${id}-${f}" grouped ?readonly=${locked}
            @amount-change=${(e: AmountChangeEvent) => !suggesting && this.doc && setBudget(this.doc, id, f, e.value, this.origin)}
            @focusout=${(e: FocusEvent) => this.#suggestAmount(e, `budget.${f}`, readAmount(project, f))}></amount-field>
          ${headerSuggestionsAt(this.review, id, `budget.${f}`, readAmount(project, f))}</div>`,
      )}
      ${this.#text('purpose')}
      <span class="label">${t('project.plan')}${markerAt(this.review, id, 'spendingPlan.unit')}</span>
      <div class="plan ${plan.className}" data-finding-key="spendingPlan" data-testid="project-${id}-spendingPlan"
        aria-invalid=${plan.invalid ? 'true' : nothing} aria-describedby=${plan.description ? 'finding-spendingPlan' : nothing}>
        <select data-field="planUnit" aria-label=${t('project.planUnit')} data-testid="project-${id}-planUnit" ?disabled=${locked}
          data-review-target="header:${id}:spendingPlan.unit" @change=${(e: Event) => this.#setUnit(e.target as HTMLSelectElement, unit)}>
          <option value="percent" ?selected=${unit === 'percent'}>${t('project.unitPercent')}</option>
          <option value="amount" ?selected=${unit === 'amount'}>${t('project.unitAmount')}</option>
        </select>
        ${CHECKPOINTS.map(
          (c) => html`<label><span>${t(`project.${c}`)}${markerAt(this.review, id, `spendingPlan.${c}`)}</span>
            <amount-field data-field=${c} data-finding-key="spendingPlan.${c}" data-review-target="header:${id}:spendingPlan.${c}" .findings=${this.#marks.get(`spendingPlan.${c}`) ?? NONE} .value=${readAmount(project, c)} label="${t('project.plan')} ${t(`project.${c}`)}" testid="project-${id}-${c}"
              ?grouped=${unit === 'amount'} ?readonly=${locked} @amount-change=${(e: AmountChangeEvent) => !suggesting && this.doc && setSpendingPlan(this.doc, id, { [c]: e.value }, this.origin)}
              @focusout=${(e: FocusEvent) => this.#suggestAmount(e, `spendingPlan.${c}`, readAmount(project, c))}></amount-field>
            ${headerSuggestionsAt(this.review, id, `spendingPlan.${c}`, readAmount(project, c))}</label>`,
        )}
        ${headerSuggestionsAt(this.review, id, 'spendingPlan.unit', unit)}
      </div>
      ${this.#text('goal')}
    </div>
    <span id="finding-spendingPlan" hidden>${plan.description}</span>
    ${['code', 'name'].map((f) => html`<span id="finding-${f}" hidden>${findingMark(this.#marks.get(f) ?? []).description}</span>`)}
    <finding-popover .findings=${hint?.findings ?? []} .anchor=${hint?.anchor ?? null}></finding-popover>`;
  }

  #scalar(project: Y.Map<unknown>, field: ProjectScalarField) {
    const suggesting = this.review?.suggesting ?? false;
    const write = (e: Event) => !suggesting && this.doc && setProjectField(this.doc, this.projectId, field, (e.target as HTMLInputElement).value, this.origin);
    const mark = findingMark(this.#marks.get(field) ?? []);
    const current = readString(project, field);
    return html`<label for="f-${field}">${t(`project.${field}`)}${markerAt(this.review, this.projectId, field)}</label>
      <div class="field field-${field}"><input id="f-${field}" data-field=${field} data-testid="project-${this.projectId}-${field}" ?readonly=${this.readonly && !suggesting}
        class=${mark.className} data-finding-key=${field} data-review-target="header:${this.projectId}:${field}" aria-invalid=${mark.invalid ? 'true' : nothing}
        aria-describedby=${mark.description ? `finding-${field}` : nothing}
        .value=${live(current)}
        @input=${(e: InputEvent) => !e.isComposing && write(e)} @compositionend=${write}
        @change=${(e: Event) => this.#suggest(field, (e.target as HTMLInputElement).value, current, () => ((e.target as HTMLInputElement).value = current))} />
      ${headerSuggestionsAt(this.review, this.projectId, field, current)}</div>`;
  }

  /**
   * In 建议模式, a committed value (`value`, the field holding `current`) becomes a suggestion
   * and the field shows the shared value again (`reset`); otherwise nothing happens here.
   */
  #suggest(field: ProjectField, value: string | number | null, current: string | number | null, reset: () => void): void {
    if (!this.review?.suggesting) return;
    reset();
    if (value !== current) this.dispatchEvent(new SuggestValueEvent(headerPlace(this.projectId, field), value));
  }

  #suggestAmount(event: FocusEvent, field: ProjectField, current: number | null): void {
    const el = event.currentTarget as AmountField;
    const parsed = parseAmount(el.draft);
    if (parsed.ok) this.#suggest(field, parsed.value, current, () => (el.draft = formatAmount(current)));
  }

  #text(field: ProjectTextField) {
    return html`<span class="label">${t(`project.${field}`)}${markerAt(this.review, this.projectId, field)}</span>
      <ytext-area class="wide" data-finding-key=${field} data-review-target="text:${field}:${this.projectId}"
        .comments=${this.review?.index.threadsAt(`text:${field}:${this.projectId}`) ?? NO_THREADS} .findings=${this.#marks.get(field) ?? NONE} .doc=${this.doc} .origin=${this.origin} .textRef=${{ project: this.projectId, field }}
        label=${t(`project.${field}`)} testid="project-${this.projectId}-${field}" ?readonly=${this.readonly} .peers=${this.peers}></ytext-area>`;
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0];
    const action = formKeyAction(event, target);
    if (!action) return;
    event.preventDefault();
    if (action === 'cancel') {
      while (this.history && this.history.undoDepth > this.#depthAtFocus && this.history.undo());
      return;
    }
    if (action === 'newline' && target instanceof HTMLTextAreaElement) {
      target.setRangeText('\n', target.selectionStart, target.selectionEnd, 'end');
      target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertLineBreak' }));
      return;
    }
    const fields = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-field], ytext-area')];
    const at = fields.findIndex((f) => event.composedPath().includes(f));
    const next = fields[at + 1];
    if (next) focusWithin(next);
    else (target as HTMLElement).blur();
  };

  #setUnit(select: HTMLSelectElement, current: 'percent' | 'amount'): void {
    const value = select.value;
    if (value !== 'percent' && value !== 'amount') return;
    if (this.review?.suggesting) this.#suggest('spendingPlan.unit', value, current, () => (select.value = current));
    else if (this.doc) setSpendingPlan(this.doc, this.projectId, { unit: value }, this.origin);
  }

  #onFocusIn(event: FocusEvent): void {
    // Edits from here on are a step of their own, so Esc can take back exactly them.
    this.history?.stopCapturing();
    this.#depthAtFocus = this.history?.undoDepth ?? 0;
    const field = (event.target as HTMLElement).dataset['field'];
    if (field) this.dispatchEvent(new CursorChangeEvent({ project: this.projectId, field }));
  }
}

/**
 * The form's spreadsheet habits: Enter commits (every keystroke is already shared) and moves to
 * the next field, Esc cancels — undoes this user's edits since entering the field — and Tab moves
 * as usual. In 资金用途 and 绩效目标, Alt+Enter or Shift+Enter breaks the line.
 */
function formKeyAction(event: KeyboardEvent, target: EventTarget | undefined): 'next' | 'cancel' | 'newline' | null {
  if (event.isComposing || event.ctrlKey || event.metaKey) return null;
  const multiline = target instanceof HTMLTextAreaElement;
  if (event.key === 'Escape') return 'cancel';
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement || multiline)) return null;
  if (event.altKey) return multiline ? 'newline' : null;
  if (event.shiftKey) return null;
  return 'next';
}

customElements.define('project-header', ProjectHeader);

declare global {
  interface HTMLElementTagNameMap {
    'project-header': ProjectHeader;
  }
}

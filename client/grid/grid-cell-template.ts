import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { IndicatorField } from '../../shared/model/index.ts';
import type { FindingMark } from '../validation/finding-marks.ts';
import { outlineShadow, type PeerCellMark } from './peer-outlines.ts';

/** Everything one grid cell shows. */
export interface GridCellView {
  testid: string;
  text: string;
  field: IndicatorField;
  row: number;
  col: number;
  /** The one cell with tabindex 0 (roving focus). */
  tabbable: boolean;
  active: boolean;
  selected: boolean;
  /** Colleagues' outlines through this cell. */
  peers: readonly PeerCellMark[] | undefined;
  /** The validation mark of the cell (class, invalid, description). */
  mark: FindingMark;
  findingKey: string;
  /** The open editor, when this cell is being edited. */
  editor: TemplateResult | null;
  /** Continues a run of equal 一级/二级指标 values: drawn as part of the merged cell above. */
  continues?: boolean;
  /** Shows the ▾ that opens the list of allowed values (active controlled cell). */
  chip: boolean;
  /** `data-review-target` of the cell: comments, history and suggestions find it by this key. */
  reviewKey?: string;
  /** Shown in place of the text when set: the text with the values suggested for it. */
  display?: TemplateResult | null;
  /** Review marks after the content: the comment marker, a suggested deletion of the row. */
  marks?: TemplateResult | null;
  /** A read-only line under the text (上年指标值), not shown while the cell is edited. */
  previous?: TemplateResult | null;
}

/**
 * One `role="gridcell"`: its text (or editor), aria state, own selection, colleagues' outlines
 * (inset box-shadows in their colours, name tags on their active cells) and validation mark.
 */
export function gridCellTemplate(v: GridCellView, onChip: () => void): TemplateResult {
  const shadow = v.peers ? outlineShadow(v.peers) : '';
  const tags = (v.peers ?? []).filter((m) => m.active);
  const classes = [v.active ? 'active' : '', v.editor ? 'editing' : '', v.selected ? 'selected' : '', v.peers ? 'peer' : '', v.continues ? 'run-continues' : '', v.mark.className].join(' ');
  return html`<div role="gridcell" aria-rowindex=${v.row + 2} aria-colindex=${v.col + 1} data-row=${v.row} data-col=${v.col}
      tabindex=${v.tabbable ? 0 : -1} aria-selected=${v.selected ? 'true' : 'false'} class=${classes}
      data-finding-key=${v.findingKey} aria-invalid=${v.mark.invalid ? 'true' : nothing} aria-describedby=${v.mark.description ? `finding-${v.findingKey}` : nothing}
      style=${styleMap(shadow ? { boxShadow: shadow } : {})} data-testid=${v.testid} data-review-target=${v.reviewKey ?? nothing}>${v.editor ?? v.display ?? v.text}${v.editor ? nothing : (v.previous ?? nothing)}${
      v.chip
        ? html`<button class="chip" tabindex="-1" aria-hidden="true" data-testid="choices-toggle" @pointerdown=${(e: Event) => e.stopPropagation()} @click=${onChip}>▾</button>`
        : nothing
    }${tags.map((m) => html`<span class="peer-tag" aria-hidden="true" style=${styleMap({ '--peer-color': m.peer.color })} data-testid="peer-cursor-${m.peer.sub}">${m.peer.name}</span>`)}${v.marks ?? nothing}</div>`;
}

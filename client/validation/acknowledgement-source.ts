import type { Acknowledgement } from '../../shared/review/acknowledgements.ts';

/** What finding popovers show of 已确认 marks, and whether this person may set them. */
interface AcknowledgementView {
  /** Marks by `acknowledgementKey`. */
  marks: ReadonlyMap<string, Acknowledgement>;
  /** Offers 确认 / 撤销确认 (editors and owners). */
  canAcknowledge: boolean;
}

/**
 * The open document's 已确认 marks for the finding popovers, which sit deep in grids, headers and
 * sections: `<budget-document>` publishes, each popover listens for `change`. One document is
 * open per page, so one source serves it.
 */
class AcknowledgementSource extends EventTarget {
  #view: AcknowledgementView = { marks: new Map(), canAcknowledge: false };

  /** The marks shown now. */
  get view(): AcknowledgementView {
    return this.#view;
  }

  /** Publishes `view`; listeners hear `change` only when the marks or the permission changed. */
  set(view: AcknowledgementView): void {
    const before = this.#view;
    const same = before.canAcknowledge === view.canAcknowledge && before.marks.size === view.marks.size && [...view.marks].every(([k, v]) => before.marks.get(k)?.at === v.at);
    this.#view = view;
    if (!same) this.dispatchEvent(new Event('change'));
  }
}

/** The page's one source of 已确认 marks for finding popovers. */
export const acknowledgementSource = new AcknowledgementSource();

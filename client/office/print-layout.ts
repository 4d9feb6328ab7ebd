import { render } from 'lit';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { PRINT_STYLES } from './print-styles.ts';
import { printTemplate } from './print-template.ts';

const STYLE_ID = 'jixiao-print-styles';

/**
 * `<print-layout>`: the print-only copy of a document, a direct child of <body> (so the global print styles can
 * hide everything else). `fill` renders synchronously — `beforeprint` gives no later chance — and `clear`
 * empties it after printing so a large document does not stay in the page.
 */
export class PrintLayout extends HTMLElement {
  /** Lays out `doc` for printing, replacing what was there. */
  fill(doc: BudgetText): void {
    render(printTemplate(doc), this);
  }

  /** Removes the printed copy. */
  clear(): void {
    render('', this);
  }

  /** The print layout of this page, created at the end of <body> (with the print styles) when missing. */
  static ensure(): PrintLayout {
    if (document.getElementById(STYLE_ID) === null) {
      const style = document.createElement('style');
      style.id = STYLE_ID;
      style.textContent = PRINT_STYLES;
      document.head.append(style);
    }
    const existing = document.querySelector('body > print-layout');
    if (existing instanceof PrintLayout) return existing;
    const layout = document.createElement('print-layout') as PrintLayout;
    document.body.append(layout);
    return layout;
  }
}

customElements.define('print-layout', PrintLayout);

declare global {
  interface HTMLElementTagNameMap {
    'print-layout': PrintLayout;
  }
}

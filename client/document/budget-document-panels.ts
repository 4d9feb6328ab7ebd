import { html } from 'lit';
import type * as Y from 'yjs';
import type { Peer } from '../collab/peer.ts';
import type { ReviewController } from '../review/review-controller.ts';
import { t } from '../i18n/i18n.ts';
import { mentionables, type Mentionable } from '../review/mention-query.ts';
import type { ReviewIndex } from '../review/review-index.ts';
import { canEditContent, CONTENT_EDITORS, hasRole } from '../../shared/review/workflow.ts';
import { countOf, type SeverityCounts } from '../validation/findings-index.ts';
import { SEVERITIES } from '../validation/severity.ts';
import { severityIcon } from '../validation/severity-icon.ts';
import '../review/review-panel.ts';

/** The side panels of a document; one is open at a time. */
export type SidePanel = 'problems' | 'versions' | 'review' | 'library';

/**
 * The document toolbar's panel toggles: 问题 with the finding counts, 版本, 审阅 with the
 * open threads and suggestions, and 指标库; the counts show … while they are not known yet (null).
 * `toggle` opens the panel, or closes it when it is open.
 */
export function panelToggles(open: SidePanel | null, counts: SeverityCounts | null, review: ReviewIndex, toggle: (panel: SidePanel) => void) {
  const openThreads = review.state.threads.filter((th) => th.status === 'open').length;
  const suggestions = review.openSuggestions.length;
  const expanded = (panel: SidePanel) => (open === panel ? 'true' : 'false');
  // Named by its content (no aria-label), so the name a screen reader says is the text on the button.
  return html`<button class="panel-toggle problems-toggle" data-testid="problems-toggle" aria-expanded=${expanded('problems')} aria-controls="problems"
      @click=${() => toggle('problems')}>
      ${t('validation.toggle')}
      ${SEVERITIES.map((s) => html`<span class=${s} data-testid="problems-count-${s}">${severityIcon(s)} ${counts ? countOf(counts, s) : '…'}</span><span class="visually-hidden">${t(`validation.${s}`)}</span>`)}
    </button>
    <button class="panel-toggle" data-testid="versions-toggle" aria-expanded=${expanded('versions')} aria-controls="versions" @click=${() => toggle('versions')}>
      ${t('versions.toggle')}</button>
    <button class="panel-toggle" data-testid="review-toggle" aria-expanded=${expanded('review')} aria-controls="review" @click=${() => toggle('review')}>
      ${t('review.toggle')}${openThreads + suggestions > 0 ? html` <span class="count" data-testid="review-count">${openThreads + suggestions}</span>` : ''}</button>
    <button class="panel-toggle" data-testid="library-toggle" aria-expanded=${expanded('library')} aria-controls="library" aria-keyshortcuts="Control+K"
      @click=${() => toggle('library')}>${t('library.toggle')}</button>`;
}

/** What the versions and review panels are shown for. */
export interface ReviewPanelContext {
  review: ReviewController;
  docId: string;
  doc: Y.Doc;
  peers: readonly Peer[];
  /** Sub of the signed-in user. */
  me: string;
  /** People the server offers for @mentions. */
  known: readonly Mentionable[];
}

/** The versions panel or the review panel of the open document. */
export function reviewSidePanel(panel: 'versions' | 'review', c: ReviewPanelContext) {
  const { review } = c;
  const role = review.role;
  if (panel === 'versions') {
    return html`<versions-panel id="versions" role="complementary" aria-label=${t('versions.panelTitle')} data-testid="versions-panel" .api=${review.versions}
      doc-id=${c.docId} ?can-save=${hasRole(role, CONTENT_EDITORS)} ?can-restore=${canEditContent(role, review.index.state.status)}
      revision=${review.index.state.activity.length}></versions-panel>`;
  }
  return html`<review-panel id="review" role="complementary" aria-label=${t('review.panelTitle')} data-testid="review-panel" .index=${review.index}
    .api=${review.model?.api ?? null} .doc=${c.doc} .peers=${c.peers} .people=${mentionables(review.index.state.members, c.peers, c.me, c.known)} me=${c.me}
    .role=${role}></review-panel>`;
}

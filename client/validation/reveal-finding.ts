import { INDICATOR_FIELDS, type IndicatorField } from '../../shared/model/index.ts';
import type { FindingPlace } from '../../shared/rules/index.ts';
import type { NarrativeSection } from '../document/narrative-section.ts';

function isIndicatorField(field: string | undefined): field is IndicatorField {
  return INDICATOR_FIELDS.some((f) => f === field);
}

/**
 * Scrolls to the cell or field a finding names inside a rendered `<budget-document>` (its
 * shadow root `root`) and focuses it: a grid cell becomes the grid's active cell; a header
 * field, a 第一部分 section or — for a finding about a project or the document as a whole —
 * the badge of the project or of the title. Returns false when the place is not on the page.
 */
export async function revealFinding(root: ParentNode, place: FindingPlace): Promise<boolean> {
  const { project, indicator, field } = place;
  if (project !== undefined) {
    const article = root.querySelector<HTMLElement>(`[data-testid="project-${CSS.escape(project)}"]`);
    if (!article) return false;
    if (indicator !== undefined) {
      const grid = article.querySelector('indicator-grid');
      return (await grid?.focusCell(indicator, isIndicatorField(field) ? field : 'name')) ?? false;
    }
    if (field !== undefined && article.querySelector('project-header')?.focusField(field)) return true;
    article.scrollIntoView({ block: 'start' });
    article.querySelector('finding-badge')?.focus({ preventScroll: true });
    return true;
  }
  const section = field?.startsWith('overview.') ? root.querySelector<NarrativeSection>(`narrative-section[section="${CSS.escape(field.slice(9))}"]`) : null;
  if (section) {
    section.focusText();
    return true;
  }
  const badge = root.querySelector<HTMLElement>('[data-testid="doc-findings"]');
  badge?.scrollIntoView({ block: 'center' });
  badge?.focus({ preventScroll: true });
  return !!badge;
}

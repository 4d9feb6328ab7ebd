import type * as Y from 'yjs';
import { indicatorsOf, projectsMap, readString } from '../../shared/model/index.ts';
import type { StoredAnchor } from '../../shared/review/review-types.ts';
import { indicatorFieldLabel, projectFieldLabel } from '../compare/diff-labels.ts';
import { t } from '../i18n/i18n.ts';
import type { ReviewTarget } from './review-target.ts';

/**
 * Names a place for a person: "接待管理经费 · 接待批次 · 指标值", "接待管理经费 · 预算数",
 * "总体绩效目标", "项目：接待管理经费", "整篇文档". Ids that are gone from `doc` are shown as ids.
 */
export function placeLabel(place: ReviewTarget | StoredAnchor, doc: Y.Doc | null): string {
  const projectName = (id: string) => {
    const project = doc ? projectsMap(doc).get(id) : undefined;
    return (project && readString(project, 'name')) || t('project.untitled');
  };
  switch (place.kind) {
    case 'cell': {
      const project = doc ? projectsMap(doc).get(place.project) : undefined;
      const row = project ? indicatorsOf(project).get(place.indicator) : undefined;
      const rowName = row ? readString(row, 'name') : '';
      return [projectName(place.project), rowName, indicatorFieldLabel(place.field)].filter(Boolean).join(' · ');
    }
    case 'header': return `${projectName(place.project)} · ${projectFieldLabel(place.field)}`;
    case 'text': {
      const section = place.section === 'purpose' || place.section === 'goal' ? t(`project.${place.section}`) : t(`sections.${place.section}`);
      return place.project ? `${projectName(place.project)} · ${section}` : section;
    }
    case 'project': return t('review.project', { name: projectName(place.project) });
    case 'document': return t('review.document');
  }
}

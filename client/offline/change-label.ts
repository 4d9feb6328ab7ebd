import type * as Y from 'yjs';
import { indicatorsOf, PROJECT_FIELD_SPECS, projectsMap, readString, type ProjectFieldValue } from '../../shared/model/index.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import type { PendingChange } from './pending-changes.ts';

/** Where a pending change is, as a person names it: 项目 › 三级指标 › 指标值, 第一部分 › 总体绩效目标. */
export function placeOf(change: PendingChange, doc: Y.Doc): string {
  const projectName = (id: string) => {
    const project = projectsMap(doc).get(id);
    return (project && readString(project, 'name')) || t('project.untitled');
  };
  switch (change.kind) {
    case 'section':
      return `${t('doc.partOne')} › ${t(`sections.${change.section}`)}`;
    case 'head':
      return t(`offline.head.${change.field}`);
    case 'header':
      return `${projectName(change.project)} › ${PROJECT_FIELD_SPECS[change.field].label[currentLanguage() === 'en' ? 'en' : 'zh']}`;
    case 'cell': {
      const project = projectsMap(doc).get(change.project);
      const row = project ? indicatorsOf(project).get(change.indicator) : undefined;
      const name = row ? readString(row, 'name') : '';
      return `${projectName(change.project)} › ${name || change.indicator} › ${t(`grid.${change.field}`)}`;
    }
    case 'row-added':
      return `${projectName(change.project)} › ${t('offline.rowAdded')}`;
    case 'row-removed':
      return `${projectName(change.project)} › ${t('offline.rowRemoved')}`;
    case 'project-added':
      return t('offline.projectAdded', { name: change.name });
    case 'project-removed':
      return t('offline.projectRemoved', { name: change.name });
  }
}

/** The person's value of a change and the server's, as shown side by side. */
export function valuesOf(change: PendingChange): { yours: string; server: string } {
  const show = (v: ProjectFieldValue | undefined) => (v === null || v === undefined || v === '' ? t('offline.empty') : String(v));
  switch (change.kind) {
    case 'section':
    case 'head':
    case 'header':
    case 'cell':
      return { yours: show(change.value), server: show(change.before) };
    case 'row-added':
      return { yours: [change.row.name, change.row.value].filter(Boolean).join(' · ') || t('offline.empty'), server: t('offline.empty') };
    case 'row-removed':
    case 'project-removed':
      return { yours: t('offline.removed'), server: '' };
    case 'project-added':
      return { yours: change.name, server: t('offline.empty') };
  }
}

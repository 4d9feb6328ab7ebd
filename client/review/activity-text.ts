import type { Activity, Member } from '../../shared/review/review-types.ts';
import { DOC_STATUSES } from '../../shared/review/workflow.ts';
import { roleLabel } from '../i18n/role-label.ts';
import { t } from '../i18n/i18n.ts';

/** The name of a workflow status (草稿 …); an unknown one as sent. */
export function statusLabel(status: string | undefined): string {
  const known = DOC_STATUSES.find((s) => s === status);
  return known ? t(`workflow.statuses.${known}`) : (status ?? '');
}

/** One line of the activity log as a sentence: who did what (a member by name when known). */
export function activityText(a: Activity, members: Record<string, Member>): string {
  const subject = a.subject ? (members[a.subject]?.name ?? a.subject) : '';
  switch (a.action) {
    case 'status': return t('activity.status', { name: a.user.name, from: statusLabel(a.from), to: statusLabel(a.to) });
    case 'member-set': return t('activity.memberSet', { name: a.user.name, subject, role: roleLabel(a.to ?? '') });
    case 'member-removed': return t('activity.memberRemoved', { name: a.user.name, subject });
    case 'created': return t('activity.created', { name: a.user.name });
    case 'grant-set': return t('activity.grantSet', { name: a.user.name, subject });
    case 'grant-removed': return t('activity.grantRemoved', { name: a.user.name, subject });
    case 'transfer': return t('activity.transfer', { name: a.user.name, from: a.from ?? '', to: a.to ?? '' });
  }
}

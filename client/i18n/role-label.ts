import { ROLES } from '../../shared/review/workflow.ts';
import { t } from './i18n.ts';

/** The localised name of a role; a role this client does not know is shown as the server sent it. */
export function roleLabel(role: string): string {
  const known = ROLES.find((r) => r === role);
  return known ? t(`roles.${known}`) : role;
}

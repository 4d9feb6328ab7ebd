import { t } from './i18n.ts';

const KNOWN_ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const;

/** The localised name of a role; a role this client does not know is shown as the server sent it. */
export function roleLabel(role: string): string {
  const known = KNOWN_ROLES.find((r) => r === role);
  return known ? t(`roles.${known}`) : role;
}

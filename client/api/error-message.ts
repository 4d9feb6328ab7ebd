import { currentLanguage, t } from '../i18n/i18n.ts';
import { ApiError } from './api-error.ts';

/** A sentence for the user about `error`, in the current interface language. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return currentLanguage() === 'en' ? error.en : error.zh;
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}

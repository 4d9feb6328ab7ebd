import type { Finding } from '../../shared/rules/index.ts';
import { t } from '../i18n/i18n.ts';
import { localized } from '../i18n/localized.ts';
import { worstSeverity } from './severity.ts';

/** How a cell or field shows its findings. */
export interface FindingMark {
  /** `finding-error` / `finding-warning` / `finding-info` (see findingStyles), or '' without findings. */
  className: string;
  /** True when an error makes the value invalid (`aria-invalid`). */
  invalid: boolean;
  /** The findings as one sentence per finding, for `aria-describedby`; '' without findings. */
  description: string;
}

/** The mark of a cell or field with `findings`, in the current interface language. */
export function findingMark(findings: readonly Finding[]): FindingMark {
  const worst = worstSeverity(findings);
  return {
    className: worst ? `finding-${worst}` : '',
    invalid: worst === 'error',
    description: findings.map((f) => `${t(`validation.${f.severity}`)}：${localized(f)}`).join(' '),
  };
}

import type { Finding, Severity } from '../../shared/rules/index.ts';

/** Severities from the worst down: the order of marks, filters and counts. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The worst severity among `findings`; null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) {
    if (f.severity === 'error') return 'error';
    if (f.severity === 'warning') worst = 'warning';
    else if (worst === null) worst = 'info';
  }
  return worst;
}

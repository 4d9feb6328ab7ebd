import { parseIndicatorValue, type Comparator, type MalformedReason } from '../../shared/rules/index.ts';

/**
 * How the grid understood a 指标值 while it is typed, in parts the hint renders (and
 * translates): 定量 with comparator, number and unit; 时间 (a deadline); 定性; or a reason it
 * could not be read. Directions: `≥ > =` 正向, `≤ <` 反向.
 */
export type ValueDescription =
  | { kind: 'quantitative'; op: Comparator; opAssumed: boolean; number: string; unit: string; direction: 'higher' | 'lower' | 'exact' }
  | { kind: 'date'; op: Comparator | null; text: string }
  | { kind: 'qualitative' }
  | { kind: 'empty' }
  | { kind: 'malformed'; reason: MalformedReason };

/** Describes `text` as {@link parseIndicatorValue} reads it. */
export function describeIndicatorValue(text: string): ValueDescription {
  const v = parseIndicatorValue(text);
  switch (v.kind) {
    case 'quantitative': {
      const direction = v.op === '≥' || v.op === '>' ? 'higher' : v.op === '=' ? 'exact' : 'lower';
      return { kind: 'quantitative', op: v.op, opAssumed: !v.opExplicit, number: String(v.number), unit: v.unit, direction };
    }
    case 'date': return { kind: 'date', op: v.op, text: v.text };
    case 'qualitative': return { kind: 'qualitative' };
    case 'empty': return { kind: 'empty' };
    case 'malformed': return { kind: 'malformed', reason: v.reason };
  }
}

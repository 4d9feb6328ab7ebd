import type { DiffChange } from '../../shared/diff/index.ts';

/*
 * Next/previous-change navigation of the comparison view. Each change of `BudgetDiff.changes`
 * is shown by one element whose id this module names, so the view can scroll to it:
 *   meta-<field>   overview-<section>   project-<p>   project-<p>-<field>   row-<p>-<i>   row-<p>-<i>-<field>
 * (`p`, `i`: indexes into the diff's projects and a project's indicators).
 */

/** Id of the element that shows `change`. */
export function changeElementId(change: DiffChange): string {
  switch (change.kind) {
    case 'meta': return `meta-${change.field}`;
    case 'overview': return `overview-${change.section}`;
    case 'project-added':
    case 'project-removed':
    case 'project-moved': return `project-${change.project}`;
    case 'project-field': return `project-${change.project}-${change.field}`;
    case 'row-added':
    case 'row-removed':
    case 'row-moved': return `row-${change.project}-${change.indicator}`;
    case 'cell': return `row-${change.project}-${change.indicator}-${change.field}`;
  }
}

/**
 * The change to go to from `current` (an index into `count` changes, or null before the first
 * step) in `direction`: the first or last one to start with, then one step at a time, wrapping
 * around at either end. Null when there are no changes.
 */
export function stepChange(count: number, current: number | null, direction: 1 | -1): number | null {
  if (count <= 0) return null;
  if (current === null || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The direction a key of the comparison view steps in (`n`/`]` next, `p`/`[` previous); null for other keys. */
export function stepKeyDirection(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): 1 | -1 | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'n' || event.key === ']') return 1;
  if (event.key === 'p' || event.key === '[') return -1;
  return null;
}

import type { FindingPlace } from '../../shared/rules/index.ts';

/** What decides whether this person may change a place of the open document. */
export interface EditAccess {
  /** The whole document is read-only to them (role, status: `canEditContent` said no). */
  readonly: boolean;
}

/**
 * Whether the person may change `place`. Find and replace skips the places this refuses. Today
 * the answer is document-wide (`canEditContent` through `readonly`); per-project grants (issue
 * 12) plug in here, the one function every "may I write this place" question goes through.
 */
export function mayEditPlace(access: EditAccess, place: FindingPlace): boolean {
  void place;
  return !access.readonly;
}

import * as Y from 'yjs';
import { toBudgetYDoc, toDocumentHeadJson, toProjectJson } from '../model/budget-ydoc.ts';
import { indicatorsOf, projectsMap, sortedEntries } from '../model/ydoc-layout.ts';

/** A first screen is sent only when the projects after the first hold at least this many indicator rows: below it the whole state arrives about as fast. */
const FIRST_SCREEN_MIN_ROWS_LEFT_OUT = 200;

/**
 * A Yjs update of a new, separate Y.Doc holding what a first visit shows first of `doc`: the
 * document's fields, the narrative sections of 第一部分 and the first project (by order key), as
 * they are now. The page shows it read-only until the document itself has synced. Null when the
 * other projects hold fewer than {@link FIRST_SCREEN_MIN_ROWS_LEFT_OUT} indicator rows.
 *
 * A copy, not a part of `doc`'s own update: Yjs integrates each client's structs in clock order
 * only, so a part of the real document that holds the first project also holds everything its
 * authors wrote before it, which after a few colleagues' edits all over is most of the document.
 */
export function firstScreenUpdate(doc: Y.Doc): Uint8Array | null {
  const [first, ...rest] = sortedEntries(projectsMap(doc));
  if (!first) return null;
  let rowsLeftOut = 0;
  for (const project of rest) rowsLeftOut += indicatorsOf(project.map).size;
  if (rowsLeftOut < FIRST_SCREEN_MIN_ROWS_LEFT_OUT) return null;
  const screen = toBudgetYDoc({ ...toDocumentHeadJson(doc), projects: [toProjectJson(first.id, first.map)] });
  const update = Y.encodeStateAsUpdate(screen);
  screen.destroy();
  return update;
}

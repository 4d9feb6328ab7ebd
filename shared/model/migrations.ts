import * as Y from 'yjs';
import { SCHEMA_VERSION } from './budget-text-schema.ts';
import { indicatorsOf, metaMap, projectsMap } from './ydoc-layout.ts';

/** One numbered step of the Y.Doc layout; `version` is the schema version it produces. */
export interface Migration {
  version: number;
  name: string;
  migrate(doc: Y.Doc): void;
}

/**
 * The numbered migrations, oldest first. A stored document whose `meta.schemaVersion` is below
 * a step's `version` runs that step on load, inside one transaction, so every peer receives it.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'stamp-schema-version-and-fill-containers',
    // Drafts written before versioning may lack the unit or a project's nested types.
    migrate(doc) {
      const meta = metaMap(doc);
      if (!meta.has('unit')) meta.set('unit', '万元');
      projectsMap(doc).forEach((project) => {
        if (!(project.get('purpose') instanceof Y.Text)) project.set('purpose', new Y.Text(String(project.get('purpose') ?? '')));
        if (!(project.get('goal') instanceof Y.Text)) project.set('goal', new Y.Text(String(project.get('goal') ?? '')));
        if (!(project.get('indicators') instanceof Y.Map)) project.set('indicators', new Y.Map());
        indicatorsOf(project).forEach((row) => {
          if (typeof row.get('order') !== 'string') row.set('order', 'a0');
        });
      });
    },
  },
];

/** The schema version a document records, 0 when it records none. */
export function readSchemaVersion(doc: Y.Doc): number {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' ? v : 0;
}

/**
 * Brings `doc` to {@link SCHEMA_VERSION}. Returns the versions it went from and to; throws if the
 * document is newer than this code understands (never downgrade silently).
 */
export function migrateBudgetYDoc(doc: Y.Doc, origin?: unknown): { from: number; to: number } {
  const from = readSchemaVersion(doc);
  if (from > SCHEMA_VERSION) throw new Error(`document schema ${from} is newer than supported ${SCHEMA_VERSION}`);
  if (from === SCHEMA_VERSION) return { from, to: from };
  doc.transact(() => {
    for (const m of MIGRATIONS) if (m.version > from) m.migrate(doc);
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
  }, origin);
  return { from, to: SCHEMA_VERSION };
}

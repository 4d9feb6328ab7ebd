import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBudgetText } from '../../shared/import/index.ts';
import type { DocService } from '../docs/doc-service.ts';
import type { DocStore } from '../storage/doc-store.ts';

/** Folder of the real seed texts shipped with the app. */
export const SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), 'seeds');

/**
 * On a store with no documents, imports every seed text so a newcomer sees real content.
 * A seed that fails to import is a bug in the importer: it throws rather than starting half-empty.
 */
export async function loadDemoDocs(store: DocStore, docs: DocService): Promise<number> {
  if ((await store.listMeta()).length > 0) return 0;
  const files = (await readdir(SEED_DIR)).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const result = importBudgetText(await readFile(join(SEED_DIR, file), 'utf8'));
    if (!result.ok) throw new Error(`demo seed ${file} failed to import: ${result.error.en}`);
    await docs.createFromJson(result.value.doc);
  }
  return files.length;
}

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildRuleCatalogue, CATALOGUE_FILE } from './rule-catalogue.ts';

// `npm run rules:doc`: writes shared/rules/CATALOGUE.md from the rule modules (run from the repository root).
const root = resolve(import.meta.dirname, '../..');
await writeFile(resolve(root, CATALOGUE_FILE), await buildRuleCatalogue(root));
console.log(`wrote ${CATALOGUE_FILE}`);

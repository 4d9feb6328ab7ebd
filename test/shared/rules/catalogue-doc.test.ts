import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRuleCatalogue, CATALOGUE_FILE, readRuleDescriptions, RULES_DIR } from '../../../server/cli/rule-catalogue.ts';
import { RULES } from '../../../shared/rules/index.ts';

const root = resolve(import.meta.dirname, '../../..');

describe('the rule catalogue document', () => {
  it('is what `npm run rules:doc` generates from the rule modules as they are now', async () => {
    const committed = await readFile(resolve(root, CATALOGUE_FILE), 'utf8');
    expect(committed, 'shared/rules/CATALOGUE.md is stale: run `npm run rules:doc`').toBe(await buildRuleCatalogue(root));
  });

  it('describes every rule module, each registered once in RULES', async () => {
    const described = await readRuleDescriptions(resolve(root, RULES_DIR));
    expect(RULES.map((r) => r.id).sort()).toEqual([...described.keys()].sort());
    for (const [id, text] of described) expect(text.length, id).toBeGreaterThan(10);
  });
});

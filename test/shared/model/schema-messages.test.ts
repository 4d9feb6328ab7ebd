import { describe, expect, it } from 'vitest';
import { BudgetTextSchema } from '../../../shared/model/budget-text-schema.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

// shared/ builds its schemas with zod/mini, which loads no messages of its own: without
// shared/zod-english.ts an issue without a custom message would read just "Invalid input" wherever
// nothing else loaded zod's classic API first (the browser, the CLI, this file). Those messages
// reach people: the issues of a 400, a failed import, the CLI.
describe('the budget text schema’s issues', () => {
  it('say in English what is wrong, with the schema’s own messages where it has them', () => {
    const text = makeSmallBudgetText();
    const [first, second] = text.projects;
    if (!first || !second) throw new Error('the fixture has two projects');
    const parsed = BudgetTextSchema.safeParse({ ...text, title: 1, year: 1989, projects: [first, { ...second, id: first.id }, { ...second, id: 'bad id!' }] });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'title: Invalid input: expected string, received number',
        'year: Too small: expected number to be >=1990',
        'projects.2.id: id must be 1-64 characters of A-Z a-z 0-9 _ -',
      ]),
    );
  });

  it('list a duplicate id after the fields are valid', () => {
    const text = makeSmallBudgetText();
    const [first, second] = text.projects;
    if (!first || !second) throw new Error('the fixture has two projects');
    const parsed = BudgetTextSchema.safeParse({ ...text, projects: [first, { ...second, id: first.id }] });
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([`projects.1.id: duplicate id ${first.id}`]);
  });
});

import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PROJECT_FIELD_SPECS, PROJECT_FIELDS, projectFieldOfKey, projectsMap, toBudgetYDoc } from '../../../shared/model/index.ts';
import { makeDoc, makeProject } from '../rules/make-doc.ts';

describe('the project header field table', () => {
  const project = makeProject(1, { budget: { total: 20, fiscal: 15, other: null }, spendingPlan: { unit: 'amount', mar: 5, jun: 10, oct: null, dec: 20 } });
  const entry = projectsMap(toBudgetYDoc(makeDoc({ projects: [project] }))).get(project.id) as Y.Map<unknown>;

  it('names the Y.Doc key that holds each field, with the value the JSON has', () => {
    for (const field of PROJECT_FIELDS) {
      const { key, kind, read } = PROJECT_FIELD_SPECS[field];
      const stored = entry.get(key);
      expect(kind === 'text' ? (stored as Y.Text).toString() : stored, field).toEqual(read(project));
      expect(projectFieldOfKey(key)).toBe(field);
    }
  });

  it('knows no field for the order key or the rows', () => {
    expect(projectFieldOfKey('order')).toBeNull();
    expect(projectFieldOfKey('indicators')).toBeNull();
  });
});

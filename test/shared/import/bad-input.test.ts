import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_LENGTH, importBudgetText } from '../../../shared/import/index.ts';
import { JixiaoError } from '../../../shared/errors.ts';
import { BudgetTextSchema } from '../../../shared/model/budget-text-schema.ts';
import { SEEDS, importSeed, readSeed } from './seed-fixtures.ts';

function expectFailure(source: unknown, code: 'UNSUPPORTED_LAYOUT' | 'IMPORT_FAILED'): JixiaoError {
  const result = importBudgetText(source as string);
  if (result.ok) throw new Error('expected the import to fail');
  expect(result.error).toBeInstanceOf(JixiaoError);
  expect(result.error.code).toBe(code);
  expect(result.error.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(result.error.en).toMatch(/[a-z]{3}/);
  return result.error;
}

describe('importBudgetText on bad input', () => {
  it('rejects empty and blank input with IMPORT_FAILED', () => {
    expect(expectFailure('', 'IMPORT_FAILED').zh).toContain('为空');
    expectFailure(' \n\t\n\u3000\n', 'IMPORT_FAILED');
  });

  it('rejects binary junk and non-strings', () => {
    expect(expectFailure('PK\u0003\u0004\u0000\u0000binary\u0000', 'IMPORT_FAILED').en).toContain('not readable text');
    expectFailure('\ufffd'.repeat(500) + '项目编码', 'IMPORT_FAILED');
    expectFailure(null, 'IMPORT_FAILED');
    expectFailure(Buffer.from('项目编码'), 'IMPORT_FAILED');
  });

  it('rejects input over 10 MB before parsing it', () => {
    expect(expectFailure('项'.repeat(MAX_SOURCE_LENGTH + 1), 'IMPORT_FAILED').en).toContain('too large');
  });

  it('points JSON (even a canonical document) to the JSON import', () => {
    expect(expectFailure('{"a":1}', 'UNSUPPORTED_LAYOUT').en).toContain('JSON');
    expectFailure(JSON.stringify(importSeed(SEEDS.markdown).doc, null, 2), 'UNSUPPORTED_LAYOUT');
  });

  it('rejects text without 绩效目标表 tables with UNSUPPORTED_LAYOUT', () => {
    expectFailure('这是一段普通的文字，没有任何表格。\nHello world', 'UNSUPPORTED_LAYOUT');
    expectFailure('1.某项目绩效目标表\n没有表头的正文', 'UNSUPPORTED_LAYOUT');
    expectFailure('| a | b |\n|---|---|\n| 1 | 2 |', 'UNSUPPORTED_LAYOUT');
    // Part one alone (the narrative cut off before 第二部分) has no table either.
    expectFailure(readSeed(SEEDS.markdown).split('\n').slice(0, 150).join('\n'), 'UNSUPPORTED_LAYOUT');
  });

  it('survives hostile patterns quickly without throwing', () => {
    const hostile = [
      `1.项目绩效目标表\n项目编码\n一级指标 二级指标 三级指标\n${'可持续影响\n'.repeat(20_000)}`,
      `1.项目绩效目标表\n| 项目编码 | 1 |\n|${' a |'.repeat(100_000)}`,
      `1.项目绩效目标表\n项目编码\n$${'\\geq '.repeat(1_000)}$ [bookmark: ${'x'.repeat(10_000)}`,
      `${' '.repeat(1_000_000)}x`,
      `${'<p '.repeat(300_000)}`,
    ];
    for (const source of hostile) {
      const started = Date.now();
      expect(() => importBudgetText(source)).not.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('never throws on damaged seeds and keeps every success schema-valid', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (const file of Object.values(SEEDS)) {
      const lines = readSeed(file).split('\n');
      for (let k = 0; k < 12; k++) {
        const damaged = lines.filter(() => random(8) > 0).map((l) => (random(15) === 0 ? l.slice(0, random(l.length + 1)) : l));
        const result = importBudgetText(damaged.join('\n'));
        if (result.ok) expect(() => BudgetTextSchema.parse(result.value.doc)).not.toThrow();
        else expect(['UNSUPPORTED_LAYOUT', 'IMPORT_FAILED']).toContain(result.error.code);
      }
    }
  });
});

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeBudgetDocx } from '../../../shared/office/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

const parts = unzipSync(await writeBudgetDocx(makeSmallBudgetText()));
const part = (name: string) => strFromU8(parts[name] as Uint8Array);
const documentXml = part('word/document.xml');
const count = (needle: string) => documentXml.split(needle).length - 1;

describe('the exported .docx as Word and WPS read it', () => {
  it('is A4 portrait with the GB/T 9704 margins', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('names 仿宋_GB2312 and 宋体 as East-Asian fonts, with zh-CN', () => {
    const styles = part('word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:hint="eastAsia"');
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('repeats each grid header row, never splits a row, merges 一级/二级 down and spans the header block', () => {
    expect(count('<w:tblHeader/>')).toBe(2);
    expect(count('<w:cantSplit/>')).toBeGreaterThan(20);
    expect(documentXml).toContain('<w:vMerge w:val="restart"/>');
    expect(documentXml).toContain('<w:vMerge w:val="continue"/>');
    expect(documentXml).toContain('<w:gridSpan w:val="7"/>');
    expect(count('单位：万元')).toBe(2);
  });

  it('carries the layout version in its custom properties', () => {
    expect(part('docProps/custom.xml')).toMatch(/name="jixiaoLayout"[\s\S]*>1</);
  });
});

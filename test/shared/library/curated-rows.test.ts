import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, orderLibrary, parseCsv, rankLibrary, readCuratedRows, type LibraryItem, type SearchableItem } from '../../../shared/library/index.ts';
import { compactText } from '../../../shared/library/library-key.ts';

describe('reading a curated 共性指标 file', () => {
  it('splits CSV with quotes, commas and line breaks inside cells, CRLF, and tab-separated text', () => {
    expect(parseCsv('a,"b,c","say ""hi""\r\nnext"\r\n1,2,3')).toEqual([
      ['a', 'b,c', 'say "hi"\r\nnext'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('一级指标\t二级指标\n产出指标\t数量指标\n')).toEqual([
      ['一级指标', '二级指标'],
      ['产出指标', '数量指标'],
    ]);
  });

  it('decodes UTF-8 with and without BOM, GB18030 and UTF-16; refuses binary', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFF指标'))).toBe('指标');
    expect(decodeCsvBytes(new TextEncoder().encode('指标'))).toBe('指标');
    expect(decodeCsvBytes(new Uint8Array([0xd6, 0xb8, 0xb1, 0xea]))).toBe('指标');
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x07, 0x63, 0x07, 0x68]))).toBe('指标');
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x00, 0x01]))).toBeNull();
  });

  it('finds columns by header name in any order, takes merged 一级/二级 from above, keeps the first of repeats', () => {
    const result = readCuratedRows([
      ['共性指标库（2026）'],
      ['三级指标', '一级指标', '二级指标', '绩效指标描述', '指标值', '计算公式'],
      ['培训人次', '产出指标', '数量指标', '年度培训人次', '≥200人次', '参训人次之和'],
      ['培训天数', '', '', '年度培训天数', '≥5天', ''],
      ['', '', '', '', '', ''],
      ['培训人次', '产出指标', '数量 指标', '年度培训人次', '≥300人次', ''],
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        { level1: '产出指标', level2: '数量指标', name: '培训人次', description: '年度培训人次', value: '≥200人次', basis: '', explanation: '参训人次之和' },
        { level1: '产出指标', level2: '数量指标', name: '培训天数', description: '年度培训天数', value: '≥5天', basis: '', explanation: '' },
      ],
    });
  });

  it('says in Chinese and English what is wrong with a sheet', () => {
    const zh = (rows: string[][]) => {
      const r = readCuratedRows(rows);
      return r.ok ? null : r.error.zh;
    };
    expect(zh([['名称', '数值']])).toMatch(/找不到表头/);
    expect(zh([['三级指标', '二级指标']])).toMatch(/缺少必需的列：一级指标、绩效指标描述、指标值/);
    expect(zh([['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值']])).toMatch(/没有指标行/);
    expect(zh([['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'], ['产出指标', '数量指标', '长'.repeat(2_001), '', '']])).toMatch(/第 2 行.*超过 2000 个字/);
  });
});

describe('ranking library entries', () => {
  const entry = (name: string, level2: string, uses: number, curated = false, initials = ''): SearchableItem => {
    const item: LibraryItem = { level1: '产出指标', level2, name, description: '', value: '', basis: '', uses, curated };
    return { item, folded: { level2: compactText(level2), name: compactText(name), description: '' }, initials: { level2: '', name: initials, description: '' }, order: 0 };
  };
  const entries = [
    entry('培训人次', '数量指标', 9, false, 'pxrc'),
    entry('人次', '数量指标', 1, false, 'rc'),
    entry('参训人次', '数量指标', 5, true, 'cxrc'),
    entry('参训人次占比', '质量指标', 50, false, 'cxrczb'),
    entry('满意度', '服务对象满意度指标', 3, false, 'myd'),
  ];
  orderLibrary(entries);
  const rank = (q: string, level2 = '') => rankLibrary(entries, { q, level2, limit: 10 }).map((i) => i.name);

  it('puts an exact 三级指标 first, then a start (as written or by pinyin initials), then curated, then the most used', () => {
    expect(rank('人次')).toEqual(['人次', '参训人次', '参训人次占比', '培训人次']);
    expect(rank('cx')).toEqual(['参训人次', '参训人次占比']);
    expect(rank('rc')).toEqual(['人次', '参训人次', '参训人次占比', '培训人次']);
    expect(rank('')).toEqual(['参训人次', '参训人次占比', '培训人次', '满意度', '人次']);
  });

  it('filters by 二级指标 (spaces and full-width ignored), needs every word, and limits', () => {
    expect(rank('', '数量 指标')).toEqual(['参训人次', '培训人次', '人次']);
    expect(rank('参训 占比')).toEqual(['参训人次占比']);
    expect(rankLibrary(entries, { q: '', level2: '', limit: 2 })).toHaveLength(2);
    expect(rank('ＲＣ')).toEqual(rank('rc'));
  });
});

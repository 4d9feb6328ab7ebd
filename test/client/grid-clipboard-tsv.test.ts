import { describe, expect, it } from 'vitest';
import { padMatrix, parseTsv, toTsv } from '../../client/grid/clipboard-tsv.ts';

describe('clipboard TSV', () => {
  it('reads rows and cells as Excel writes them, ignoring the final line break', () => {
    expect(parseTsv('产出指标\t数量指标\t接待批次\r\n效益指标\t社会效益指标\t保障率\r\n')).toEqual([
      ['产出指标', '数量指标', '接待批次'],
      ['效益指标', '社会效益指标', '保障率'],
    ]);
  });

  it('reads quoted multi-line cells, doubled quotes and tabs inside quotes', () => {
    const text = '"第一行\n第二行"\t"他说""好"""\t"a\tb"\n"x\r\ny"\tplain';
    expect(parseTsv(text)).toEqual([
      ['第一行\n第二行', '他说"好"', 'a\tb'],
      ['x\r\ny', 'plain'],
    ]);
  });

  it('keeps empty cells, LF-only rows (Google Sheets) and a lone unclosed quote as text', () => {
    expect(parseTsv('a\t\tc\nd\t')).toEqual([['a', '', 'c'], ['d', '']]);
    expect(parseTsv('"unclosed\tx')).toEqual([['"unclosed', 'x']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('round-trips any cells through toTsv', () => {
    const cells = [
      ['≥95%', '多行\n文本', 'with "quotes"'],
      ['', 'tab\there', '"leading quote'],
    ];
    expect(parseTsv(toTsv(cells))).toEqual(cells);
    expect(toTsv([['a', 'b'], ['c', 'd']])).toBe('a\tb\r\nc\td');
  });

  it('pads ragged rows to a rectangle', () => {
    expect(padMatrix([['a'], ['b', 'c', 'd']])).toEqual([['a', '', ''], ['b', 'c', 'd']]);
  });
});

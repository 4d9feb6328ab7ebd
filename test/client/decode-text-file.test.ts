import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../client/import/decode-text-file.ts';

// Node has no GB18030 encoder; build the few characters the tests need from the decoder.
function encodeGb18030(text: string): Uint8Array {
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(char)) table.set(char, [lead, trail]);
    }
  }
  return new Uint8Array([...text].flatMap((c) => table.get(c) ?? [c.charCodeAt(0)]));
}

const SAMPLE = '乐亭县人民政府办公室2024年部门预算绩效文本\n一、总体绩效目标\n产出指标\t数量指标\t≥95%';

describe('decodeTextFile', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(SAMPLE);
    expect(decodeTextFile(utf8)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads a GB18030 (GBK) file that would be mojibake as UTF-8', () => {
    const text = '乐亭县人民政府办公室2024年部门预算绩效文本\n一、总体绩效目标';
    expect(decodeTextFile(encodeGb18030(text))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads UTF-16 files with a byte-order mark (Word\'s “Unicode text”)', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...SAMPLE].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeTextFile(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, ...[...SAMPLE].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(decodeTextFile(be)).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('keeps UTF-8 when a long text has only a stray broken byte', () => {
    const long = SAMPLE.repeat(50);
    const bytes = new Uint8Array([...new TextEncoder().encode(long), 0xff]);
    const decoded = decodeTextFile(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(`${long}\uFFFD`);
  });
});

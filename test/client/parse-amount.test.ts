import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../client/document/parse-amount.ts';

describe('parseAmount', () => {
  it('reads blank as null, never as 0', () => {
    expect(parseAmount('')).toEqual({ ok: true, value: null });
    expect(parseAmount('   ')).toEqual({ ok: true, value: null });
    expect(parseAmount('0')).toEqual({ ok: true, value: 0 });
  });

  it('reads plain, signed and partly typed numbers', () => {
    expect(parseAmount('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmount('-3')).toEqual({ ok: true, value: -3 });
    expect(parseAmount('12.')).toEqual({ ok: true, value: 12 });
    expect(parseAmount('.5')).toEqual({ ok: true, value: 0.5 });
  });

  it('accepts full-width digits and thousands separators from Chinese input methods', () => {
    expect(parseAmount('１２．５')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmount('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseAmount('1，234')).toEqual({ ok: true, value: 1234 });
    expect(parseAmount(' 20 ')).toEqual({ ok: true, value: 20 });
  });

  it('refuses text that is not a number', () => {
    for (const input of ['12a', '万元', '1.2.3', '--1', '.', '1e3', '20%']) expect(parseAmount(input)).toEqual({ ok: false });
  });
});

describe('formatAmount', () => {
  it('shows blank for null and the number otherwise', () => {
    expect(formatAmount(null)).toBe('');
    expect(formatAmount(0)).toBe('0');
    expect(formatAmount(8.5)).toBe('8.5');
  });

  it('round-trips through parseAmount', () => {
    for (const value of [null, 0, 8.5, 370, -1.25]) expect(parseAmount(formatAmount(value))).toEqual({ ok: true, value });
  });
});

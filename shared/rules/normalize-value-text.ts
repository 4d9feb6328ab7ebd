import { stripMarkup } from '../text/strip-markup.ts';

/*
 * Cell normalisation (CATALOGUE.md, "Reading a 指标值"), shared by the value parser and the rules.
 * All patterns are compiled once at module load: they run on every cell of every validation.
 */

const ALL_WHITESPACE = /[\s\u3000\u00a0]+/g;
const INLINE_WHITESPACE = /[ \t\u3000\u00a0\r\f\v]+/g;
const FULLWIDTH_DIGIT = /[０-９]/g;
const FULLWIDTH_DOT = /(?<=\d)[．。](?=\d)/g;
const THOUSANDS = /(?<=\d),(?=\d{3}(?!\d))/g;
const SPELLED_PERCENT = /%?百分比/g;
const DOUBLE_PERCENT = /%{2,}/g;

/** Removes every kind of whitespace, newlines included: the form used to compare names, codes and texts. */
export function stripWhitespace(text: string): string {
  return text.replace(ALL_WHITESPACE, '');
}

/** Removes spaces, TABs and U+3000 (wrap artefacts) but keeps newlines, then trims. */
function stripInlineWhitespace(text: string): string {
  return text.replace(INLINE_WHITESPACE, '').trim();
}

/**
 * Writes comparators, digits and `％` in their canonical form (`>=`→`≥`, `＞`→`>`, `５`→`5` …)
 * without touching spacing: the text a one-click "normalise symbols" fix writes back.
 */
export function canonicalizeSymbols(text: string): string {
  return text
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(FULLWIDTH_DOT, '.')
    .replace(/＞＝|>=|≧/g, '≥')
    .replace(/＜＝|<=|≦/g, '≤')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<')
    .replace(/＝/g, '=')
    .replace(/％/g, '%');
}

/**
 * The full normalisation of a 指标值 before parsing: markup stripped, symbols canonical,
 * `百分比`→`%`, thousands separators and inline whitespace removed; newlines are kept.
 */
export function normalizeValueText(text: string): string {
  return stripInlineWhitespace(
    canonicalizeSymbols(stripMarkup(text)).replace(SPELLED_PERCENT, '%').replace(DOUBLE_PERCENT, '%').replace(THOUSANDS, ''),
  );
}

/** Leading list numbering (`1.`, `1、`, `（一）`, `一、`) on every line, as in 绩效目标 cells. */
export function stripNumbering(text: string): string {
  return text.replace(/^[ \t\u3000]*(?:\d+[.．、)）]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/gm, '');
}

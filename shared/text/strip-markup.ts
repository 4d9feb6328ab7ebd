// Markup that Word/PDF-to-text converters leave behind in 绩效文本 cells: removed by the importer,
// reported (with this as its fix) by R-TXT-MARKUP, and ignored when a 指标值 is parsed.
// Every pattern has a bounded repetition so a hostile line cannot trigger catastrophic backtracking.

const BOOKMARK = /\[bookmark:[^\]\n]{0,300}\]/g;
const LATEX_SPAN = /\$([^$\n]{1,200})\$/g;
const LATEX_COMMAND = /\\(geqslant|leqslant|geq|ge|leq|le|neq|ne|times|div|pm|approx|cdot|gt|lt|sim|%|,|;|!| )/g;
// A comparator or `\%` typed without the `$…$` around it (`\geq 90\%`).
const BARE_LATEX = /\\(geqslant|leqslant|geq|leq|ge|le|%)(?![A-Za-z])/g;
const LATEX_WRAPPER = /\\(?:text|mathrm|mathbf|rm)\{([^{}]{0,200})\}/g;
const LATEX_LEFTOVER = /\\[a-zA-Z]{1,20}/g;
const PARAGRAPH_BREAK = /<\/p>\s{0,20}<p(?:\s[^<>\n]{0,300})?>|<br\s{0,5}\/?>/gi;
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]{0,20}(?:\s[^<>\n]{0,300})?\s{0,5}\/?>/g;
const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const ENTITY = /&(nbsp|amp|lt|gt|quot|apos|#39);/g;

const LATEX_SYMBOLS: Readonly<Record<string, string>> = {
  geqslant: '≥', leqslant: '≤', geq: '≥', ge: '≥', leq: '≤', le: '≤', neq: '≠', ne: '≠', times: '×', div: '÷', pm: '±',
  approx: '≈', cdot: '·', gt: '>', lt: '<', sim: '~', '%': '%', ',': '', ';': '', '!': '', ' ': '',
};

/** Turns one inline LaTeX formula such as `\geq 95\%` into plain text (`≥95%`). */
function latexToText(formula: string): string {
  return formula
    .replace(LATEX_WRAPPER, '$1')
    .replace(LATEX_COMMAND, (_, name: string) => LATEX_SYMBOLS[name] ?? '')
    .replace(LATEX_LEFTOVER, '')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, '');
}

/**
 * Removes HTML tags, `[bookmark: …]` markers and inline LaTeX from converted text.
 * Paragraph tags (`</p> <p>`, `<br>`) become "\n" so paragraphs stay apart; `$\geq 95\%$` becomes `≥95%`,
 * and so does a bare `\geq 95\%`. A `$…$` span without a backslash is left alone, because a lone `$`
 * in a budget text is more likely money than math.
 */
export function stripMarkup(text: string): string {
  if (!/[[<$&\\]/.test(text)) return text;
  return text
    .replace(BOOKMARK, '')
    .replace(LATEX_SPAN, (whole, inner: string) => (inner.includes('\\') ? latexToText(inner) : whole))
    .replace(BARE_LATEX, (_, name: string) => LATEX_SYMBOLS[name] ?? '')
    .replace(PARAGRAPH_BREAK, '\n')
    .replace(HTML_TAG, '')
    .replace(ENTITY, (_, name: string) => ENTITIES[name] ?? '');
}

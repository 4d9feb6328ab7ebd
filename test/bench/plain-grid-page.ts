import { INDICATOR_FIELDS, type BudgetText } from '../../shared/model/index.ts';

const HEADINGS = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/*
 * The page's only script, no framework: a click makes a cell active, F2 or a printable key opens a
 * textarea in it (typing goes straight into the textarea), Enter writes the text back and Esc
 * drops it. `__remoteEdit(cell, text)` stands for a colleague's edit: it sets one cell's text.
 */
const SCRIPT = `
let active = null, editor = null;
const open = (td, replace) => {
  editor = document.createElement('textarea');
  editor.value = replace ? '' : td.textContent;
  td.textContent = '';
  td.append(editor);
  editor.focus();
  editor.addEventListener('input', () => { td.dataset.draft = editor.value; });
};
const close = (write) => {
  if (!editor) return;
  const td = editor.parentElement, text = editor.value;
  editor = null;
  td.textContent = write ? text : (td.dataset.before ?? '');
  td.focus();
};
document.addEventListener('click', (e) => {
  const td = e.target.closest?.('td');
  if (!td || editor?.parentElement === td) return;
  close(true);
  active?.removeAttribute('tabindex');
  active = td; td.tabIndex = 0; td.dataset.before = td.textContent; td.focus();
});
document.addEventListener('keydown', (e) => {
  if (editor) {
    if (e.key === 'Enter' && !e.altKey) { e.preventDefault(); close(true); }
    else if (e.key === 'Escape') close(false);
    return;
  }
  if (!active) return;
  if (e.key === 'F2') { e.preventDefault(); open(active, false); }
  else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) open(active, true);
});
window.__remoteEdit = (cell, text) => { const td = document.querySelector('[data-cell="' + cell + '"]'); if (td && !td.contains(editor)) td.textContent = text; };
`;

/**
 * The plain-DOM floor of the grid bench: every project's 绩效目标表 of `text` as a plain
 * `<table>` (cells `data-cell="<project>-<row>-<field>"`), built as one HTML string with no
 * framework, with a textarea for editing. What the real grid is compared with in the same run.
 */
export function plainGridPage(text: BudgetText): string {
  const head = `<tr>${HEADINGS.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const tables = text.projects.map((p, i) => {
    const rows = p.indicators.map((r) => `<tr>${INDICATOR_FIELDS.map((f) => `<td data-cell="${p.id}-${r.id}-${f}">${escape(r[f])}</td>`).join('')}</tr>`);
    return `<h3>${i + 1}. ${escape(p.name)}</h3><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>plain grid</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}
td:focus{outline:2px solid #b4232a}textarea{width:100%;box-sizing:border-box;font:inherit}</style></head>
<body><h1>${escape(text.title)}</h1>${tables.join('\n')}<script>${SCRIPT}</script></body></html>`;
}

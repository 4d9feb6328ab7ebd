import { OVERVIEW_SECTIONS } from '../../model/budget-text-schema.ts';
import { stripWhitespace } from '../normalize-value-text.ts';
import type { Rule } from '../rule.ts';
import { OVERVIEW_HEADINGS } from './r-doc-sections.ts';

/* Headings the export prints itself; one of them as a line of a body is an import leftover. */
const HEADINGS = [
  ...Object.values(OVERVIEW_HEADINGS),
  '第一部分',
  '第二部分',
  '部门整体绩效目标',
  '预算项目绩效目标',
  '第一部分部门整体绩效目标',
  '第二部分预算项目绩效目标',
].map(stripWhitespace);
const HEADING_SET = new Set(HEADINGS);

/**
 * R-DOC-SECTION-DUP, adapted: the JSON has no line numbers, so it reports (a) two overview sections
 * whose bodies are identical after whitespace removal and (b) a section heading repeated as a line of a body.
 */
export const rDocSectionDup: Rule = {
  id: 'R-DOC-SECTION-DUP',
  severity: 'warning',
  scope: 'document',
  message: { zh: '章节“{section}”与“{other}”内容相同，请删除重复内容。', en: 'Section “{section}” repeats section “{other}”; remove the duplicate.' },
  checkDocument(doc, _views, _ctx, report) {
    const bodies = OVERVIEW_SECTIONS.map((s) => stripWhitespace(doc.overview[s]));
    OVERVIEW_SECTIONS.forEach((section, j) => {
      const i = bodies.findIndex((b, k) => k < j && b !== '' && b === bodies[j]);
      const earlier = OVERVIEW_SECTIONS[i];
      if (earlier) report({ place: { field: `overview.${section}` }, params: { section: OVERVIEW_HEADINGS[section], other: OVERVIEW_HEADINGS[earlier] } });
      const heading = doc.overview[section].split('\n').map(stripWhitespace).find((line) => HEADING_SET.has(line));
      if (heading !== undefined) {
        report({
          place: { field: `overview.${section}` },
          params: { section: heading, other: OVERVIEW_HEADINGS[section] },
          message: { zh: '章节标题“{section}”重复出现在“{other}”正文中，请删除。', en: 'Heading “{section}” is repeated inside the body of “{other}”; remove it.' },
        });
      }
    });
  },
};

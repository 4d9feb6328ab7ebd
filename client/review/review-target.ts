import { INDICATOR_FIELDS, isProjectField, OVERVIEW_SECTIONS, type IndicatorField, type OverviewSection, type ProjectField, type TextRef } from '../../shared/model/index.ts';
import type { AnchorInput } from '../../shared/review/review-schema.ts';
import type { StoredAnchor } from '../../shared/review/review-types.ts';

/** A text that comments can quote: a 第一部分 section, or 资金用途 / 绩效目标 of a project. */
export type TextSection = OverviewSection | 'purpose' | 'goal';

/**
 * A place in the document that people comment on, suggest for or ask the history of: an
 * indicator cell, a project header field, a text (optionally a range `from`–`to` of it), a
 * project, or the document as a whole.
 */
export type ReviewTarget =
  | { kind: 'cell'; project: string; indicator: string; field: IndicatorField }
  | { kind: 'header'; project: string; field: ProjectField }
  | { kind: 'text'; section: TextSection; project?: string; from?: number; to?: number }
  | { kind: 'project'; project: string }
  | { kind: 'document' };

/*
 * A target's key names the place without a text range, so every thread on one text shares it:
 *   cell:<project>:<indicator>:<field>   header:<project>:<field>   text:<section>[:<project>]
 *   project:<project>                    document
 * Ids are [A-Za-z0-9_-] and field names never hold ':', so the key also travels as the
 * `data-review-target` attribute of the element showing the place.
 */

/** The key of the place `target` names (its text range left out). */
export function targetKey(target: ReviewTarget | StoredAnchor): string {
  switch (target.kind) {
    case 'cell': return `cell:${target.project}:${target.indicator}:${target.field}`;
    case 'header': return `header:${target.project}:${target.field}`;
    case 'text': return target.project ? `text:${target.section}:${target.project}` : `text:${target.section}`;
    case 'project': return `project:${target.project}`;
    case 'document': return 'document';
  }
}

/** The target a key (or a `data-review-target` attribute) names; null for anything else. */
export function parseTargetKey(key: string): ReviewTarget | null {
  const [kind, a, b, c] = key.split(':');
  if (kind === 'cell' && a && b && isIndicatorField(c)) return { kind, project: a, indicator: b, field: c };
  if (kind === 'header' && a && isProjectField(b) && c === undefined) return { kind, project: a, field: b };
  if (kind === 'text' && isTextSection(a) && c === undefined) {
    const projectText = a === 'purpose' || a === 'goal';
    if (projectText !== !!b) return null;
    return b ? { kind, section: a, project: b } : { kind, section: a };
  }
  if (kind === 'project' && a && b === undefined) return { kind, project: a };
  if (kind === 'document' && a === undefined) return { kind };
  return null;
}

/** The anchor `POST /api/docs/:id/comments` takes for `target`; a text without a range anchors on its whole project or section start. */
export function anchorInputOf(target: ReviewTarget): AnchorInput {
  switch (target.kind) {
    case 'cell': return { project: target.project, indicator: target.indicator, field: target.field };
    case 'header': return { project: target.project, field: target.field };
    case 'project': return { project: target.project };
    case 'document': return {};
    case 'text': {
      const from = target.from ?? 0;
      const to = Math.max(from, target.to ?? from);
      if (target.section === 'purpose' || target.section === 'goal') return { section: target.section, project: target.project ?? '', from, to };
      return { section: target.section, from, to };
    }
  }
}

/** The query of `GET /api/docs/:id/history` for `target`; null for a project or the document (they have none). */
export function historyQueryOf(target: ReviewTarget): Record<string, string> | null {
  switch (target.kind) {
    case 'cell': return { project: target.project, indicator: target.indicator, field: target.field };
    case 'header': return { project: target.project, field: target.field };
    case 'text': return target.project ? { project: target.project, field: target.section } : { section: target.section };
    default: return null;
  }
}

/** The text a text target is in, as the model's mutations name it. */
export function textRefOf(target: { section: TextSection; project?: string }): TextRef {
  if (target.section === 'purpose' || target.section === 'goal') return { project: target.project ?? '', field: target.section };
  return { section: target.section };
}

/** Whether a suggestion can be made at `target` (a cell or a header field other than a text). */
export function canSuggestAt(target: ReviewTarget): boolean {
  return target.kind === 'cell' || (target.kind === 'header' && target.field !== 'purpose' && target.field !== 'goal');
}

function isIndicatorField(value: string | undefined): value is IndicatorField {
  return INDICATOR_FIELDS.some((f) => f === value);
}

function isTextSection(value: string | undefined): value is TextSection {
  return value === 'purpose' || value === 'goal' || OVERVIEW_SECTIONS.some((s) => s === value);
}

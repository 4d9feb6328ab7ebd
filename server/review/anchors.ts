import * as Y from 'yjs';
import { JixiaoError } from '../../shared/errors.ts';
import { resolveText, type TextRef } from '../../shared/model/mutations.ts';
import { indicatorsOf, projectsMap } from '../../shared/model/ydoc-layout.ts';
import type { AnchorInput } from '../../shared/review/review-schema.ts';
import type { StoredAnchor } from '../../shared/review/review-types.ts';

/** Where an anchor points now: detached when its row, project or text is gone. */
export interface AnchorState {
  detached: boolean;
  /** Current range of a text anchor. */
  from?: number;
  to?: number;
  text?: string;
}

/**
 * Turns an API anchor into a stored one against the live document: the target must exist, and a
 * text range becomes Yjs relative positions (start sticks to the character after it, end to the
 * one before), so typing before or inside the range moves it correctly.
 */
export function toStoredAnchor(doc: Y.Doc, input: AnchorInput): StoredAnchor {
  if ('section' in input) {
    const ref: TextRef = input.section === 'purpose' || input.section === 'goal' ? { project: (input as { project: string }).project, field: input.section } : { section: input.section };
    const text = resolveText(doc, ref);
    if (!text) throw missing();
    if (input.from > input.to || input.to > text.length) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '文本范围超出内容长度', en: 'Text range is outside the text' });
    return {
      kind: 'text',
      section: input.section,
      ...('project' in input ? { project: input.project } : {}),
      from: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, input.from, 0)),
      to: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, input.to, -1)),
      quote: text.toString().slice(input.from, input.to),
    };
  }
  if (!('project' in input)) return { kind: 'document' };
  const project = projectsMap(doc).get(input.project);
  if (!project) throw missing();
  if ('indicator' in input) {
    if (!indicatorsOf(project).has(input.indicator)) throw missing();
    return { kind: 'cell', project: input.project, indicator: input.indicator, field: input.field };
  }
  if ('field' in input) return { kind: 'header', project: input.project, field: input.field };
  return { kind: 'project', project: input.project };
}

/** Where a stored anchor points in the document as it is now. */
export function resolveAnchor(doc: Y.Doc, anchor: StoredAnchor): AnchorState {
  if (anchor.kind === 'document') return { detached: false };
  if (anchor.kind === 'text') {
    const ref: TextRef = anchor.section === 'purpose' || anchor.section === 'goal' ? { project: anchor.project ?? '', field: anchor.section } : { section: anchor.section };
    const text = resolveText(doc, ref);
    const from = text && absolute(doc, anchor.from);
    const to = text && absolute(doc, anchor.to);
    if (!text || from === null || to === null || from === undefined || to === undefined) return { detached: true };
    const end = Math.max(from, to);
    const content = text.toString().slice(from, end);
    // The whole quoted range deleted: keep the thread readable, shown as detached.
    return { detached: anchor.quote.length > 0 && content.length === 0, from, to: end, text: content };
  }
  const project = projectsMap(doc).get(anchor.project);
  if (!project) return { detached: true };
  if (anchor.kind === 'cell') return { detached: !indicatorsOf(project).has(anchor.indicator) };
  return { detached: false };
}

function absolute(doc: Y.Doc, json: unknown): number | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc)?.index ?? null;
  } catch {
    return null;
  }
}

function missing(): JixiaoError {
  return new JixiaoError({ code: 'NOT_FOUND', zh: '批注指向的位置不存在', en: 'The anchor points at nothing that exists' });
}

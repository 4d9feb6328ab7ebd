import type * as Y from 'yjs';
import { z } from 'zod/mini';
import '../zod-english.ts';
import type { Finding, FindingPlace } from '../rules/index.ts';
import { hasRole, type Role } from './workflow.ts';

/*
 * 已确认: a person has looked at a warning (or hint) and keeps the value on purpose. Stored in the
 * review document `<docId>.review` (written only by the server), so it is live for everyone,
 * persists and is saved with every version:
 *   acknowledgements  Y.Map<"<ruleId>|<project>|<indicator>|<field>", Acknowledgement JSON>
 * Errors cannot be acknowledged: they still block submission.
 */

const Id = z.string().check(z.minLength(1), z.maxLength(128));
const FindingPlaceSchema = z.strictObject({ project: z.optional(Id), indicator: z.optional(Id), field: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) });

/** Body of `POST` / `DELETE /api/docs/:id/acknowledgements`: which finding. */
export const AcknowledgementInputSchema = z.strictObject({ ruleId: z.string().check(z.regex(/^R-[A-Z0-9-]{1,60}$/)), place: FindingPlaceSchema });
export type AcknowledgementInput = z.infer<typeof AcknowledgementInputSchema>;

/** A recorded acknowledgement: the finding it is about, who marked it and when (ISO time). */
const AcknowledgementSchema = z.object({
  ruleId: z.string(),
  place: z.object({ project: z.optional(z.string()), indicator: z.optional(z.string()), field: z.optional(z.string()) }),
  by: z.object({ sub: z.string(), name: z.string() }),
  at: z.string(),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

/** Roles that mark a warning 已确认 and undo anyone's mark: those who write the content. */
export const ACKNOWLEDGERS: readonly Role[] = ['owner', 'editor'];

/** Whether `role` may mark a warning 已确认. */
export function canAcknowledge(role: string): boolean {
  return hasRole(role, ACKNOWLEDGERS);
}

/** The key of a finding's acknowledgement: its rule and place. */
export function acknowledgementKey(ruleId: string, place: FindingPlace): string {
  return [ruleId, place.project ?? '', place.indicator ?? '', place.field ?? ''].join('|');
}

/** The acknowledgements of a review document by key; entries that do not parse are skipped. */
export function readAcknowledgements(doc: Y.Doc): Map<string, Acknowledgement> {
  const out = new Map<string, Acknowledgement>();
  doc.getMap('acknowledgements').forEach((value, key) => {
    const r = AcknowledgementSchema.safeParse(value);
    if (r.success) out.set(key, r.data);
  });
  return out;
}

/** Records (or, with null, removes) the acknowledgement of `key` (server only). */
export function putAcknowledgement(doc: Y.Doc, key: string, ack: Acknowledgement | null): void {
  if (ack) doc.getMap('acknowledgements').set(key, ack);
  else doc.getMap('acknowledgements').delete(key);
}

/** A finding as the API reports it: with `acknowledged` when someone marked it. */
export type AcknowledgedFinding = Finding & { acknowledged?: { by: Acknowledgement['by']; at: string } };

/** Adds `acknowledged: {by, at}` to the findings someone marked (never to errors). */
export function markAcknowledged(findings: readonly Finding[], acks: ReadonlyMap<string, Acknowledgement>): AcknowledgedFinding[] {
  return findings.map((f) => {
    const ack = f.severity === 'error' ? undefined : acks.get(acknowledgementKey(f.ruleId, f.place));
    return ack ? { ...f, acknowledged: { by: ack.by, at: ack.at } } : f;
  });
}

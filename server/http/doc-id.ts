import { EntityIdSchema } from '../../shared/model/budget-text-schema.ts';
import { notFound } from '../docs/doc-service.ts';

/** A document id from a URL; anything that is not a valid id is simply not found. */
export function parseDocId(raw: string | undefined): string {
  if (!raw || !EntityIdSchema.safeParse(raw).success) throw notFound(String(raw));
  return raw;
}

import { z } from 'zod';
import { DOC_STATUSES } from '../../shared/review/review-schema.ts';

/**
 * The stateless message the server pushes on a content connection when the user's role or the
 * document's status changes: `readOnly` is what the server now enforces on that connection.
 */
export const AccessMessageSchema = z.object({ type: z.literal('access'), role: z.string(), readOnly: z.boolean(), status: z.enum(DOC_STATUSES) });
export type AccessMessage = z.infer<typeof AccessMessageSchema>;

/** The access message in a stateless `payload`; null for any other (or malformed) message. */
export function parseAccessMessage(payload: string): AccessMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = AccessMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Fired by a document session when the server pushed a new access decision (role, read-only, status). */
export class AccessChangeEvent extends Event {
  static readonly eventName = 'access-change';
  readonly access: AccessMessage;

  constructor(access: AccessMessage) {
    super(AccessChangeEvent.eventName);
    this.access = access;
  }
}

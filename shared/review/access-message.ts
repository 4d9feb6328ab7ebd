import { z } from 'zod/mini';
import '../zod-english.ts';
import { DOC_STATUSES, ROLES } from './workflow.ts';
import { GrantSchema } from '../access/grants.ts';

/**
 * The stateless message the server pushes on a content connection when the user's role or the
 * document's status or grants change: `readOnly` is what the server now enforces on that connection.
 */
const AccessMessageSchema = z.object({
  type: z.literal('access'),
  role: z.enum(ROLES),
  readOnly: z.boolean(),
  status: z.enum(DOC_STATUSES),
  /** The person's own grant (null: everything the role allows) and whether money cells are reserved. */
  grant: z.optional(z.nullable(GrantSchema)),
  moneyReserved: z.optional(z.boolean()),
});
export type AccessMessage = z.infer<typeof AccessMessageSchema>;

/** The wire form of an access message (validated, so the server cannot send what clients refuse). */
export function encodeAccessMessage(message: Omit<AccessMessage, 'type'>): string {
  return JSON.stringify(AccessMessageSchema.parse({ type: 'access', ...message }));
}

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

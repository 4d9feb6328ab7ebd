import { z } from 'zod/mini';
import '../zod-english.ts';

/**
 * The stateless message the server sends just before it closes a connection whose update was
 * outside the writer's grants (close code 4406): what the update tried to change, so the
 * client can tell the writer and keep their refused values aside.
 */
const RefusalMessageSchema = z.object({ type: z.literal('refused'), reason: z.literal('outside-grant'), targets: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)) });
export type RefusalMessage = z.infer<typeof RefusalMessageSchema>;

/** The wire form of a refusal (targets as `describeTarget` labels, at most 100). */
export function encodeRefusalMessage(targets: readonly string[]): string {
  return JSON.stringify(RefusalMessageSchema.parse({ type: 'refused', reason: 'outside-grant', targets: [...new Set(targets)].slice(0, 100) }));
}

/** The refusal in a stateless `payload`; null for any other (or malformed) message. */
export function parseRefusalMessage(payload: string): RefusalMessage | null {
  try {
    const parsed = RefusalMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

import { z } from 'zod/mini';
import { OVERVIEW_SECTIONS } from '../../shared/model/index.ts';

const IdSchema = z.object({ client: z.int().check(z.nonnegative()), clock: z.int().check(z.nonnegative()) });
/** A Yjs relative position as `Y.relativePositionToJSON` writes it. */
const RelativePositionSchema = z.object({
  type: z.nullish(IdSchema),
  tname: z.nullish(z.string()),
  item: z.nullish(IdSchema),
  assoc: z.optional(z.int()),
});
/** A position in a shared text that stays put while colleagues type before it. */
export type RelativePositionJson = z.infer<typeof RelativePositionSchema>;

/** A text selection as relative positions: `anchor` where it started, `head` where the caret is. */
const TextSelectionSchema = { anchor: z.optional(RelativePositionSchema), head: z.optional(RelativePositionSchema) };

const CursorSchema = z.union([
  z.object({ section: z.enum(OVERVIEW_SECTIONS), ...TextSelectionSchema }),
  z.object({
    project: z.string(),
    indicator: z.optional(z.string()),
    field: z.string(),
    /** The other corner of a selected range of cells (the cursor's own cell is the active one). */
    range: z.optional(z.object({ indicator: z.string(), field: z.string() })),
    ...TextSelectionSchema,
  }),
]);

/**
 * Where a user is working, as put into the awareness field `cursor`: a narrative section, or a
 * project field (with `indicator` when the field is a cell of the 绩效目标表, and `range` when a
 * block of cells is selected). In a text, `anchor`/`head` carry the selection.
 */
export type CollabCursor = z.infer<typeof CursorSchema>;

// The server overwrites `user` from the verified token, so it can be trusted for display.
const UserSchema = z.object({ sub: z.string(), name: z.string(), role: z.string(), color: z.string() });

/** One connected client of the document, from its awareness state. */
export interface Peer {
  clientId: number;
  sub: string;
  name: string;
  role: string;
  /** A CSS colour; a value the browser does not accept as a colour is replaced by grey. */
  color: string;
  cursor: CollabCursor | null;
}

/** Reads a peer from a raw awareness state; null when the state carries no (valid) user yet. */
export function toPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = UserSchema.safeParse(state['user']);
  if (!user.success) return null;
  const cursor = CursorSchema.safeParse(state['cursor']);
  const color = CSS.supports('color', user.data.color) ? user.data.color : '#888';
  return { clientId, ...user.data, color, cursor: cursor.success ? cursor.data : null };
}

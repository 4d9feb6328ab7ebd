import { z } from 'zod/mini';
import '../zod-english.ts';
import { DOC_STATUSES } from '../review/workflow.ts';

const Person = z.object({ sub: z.string(), name: z.string() });

/**
 * One document as the finance bureau's overview shows it (`GET /api/overview`, and each `row`
 * event of `GET /api/overview/events`). `errors`/`warnings` are the counts of
 * `GET /api/docs/:id/validation`'s summary, `openThreads` the unresolved threads of
 * `GET /api/docs/:id/comments`. `updatedAt`/`updatedBy`: the last recorded change of content and
 * who made it (the creator and the stored time when nothing was recorded yet). `submittedAt` and
 * `submittedVersion`: the last submission and the version it took; null if never submitted.
 */
export const OverviewRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.nullable(z.number()),
  department: z.object({ code: z.string(), name: z.string(), region: z.nullable(z.string()) }),
  status: z.catch(z.enum(DOC_STATUSES), 'draft'),
  errors: z.int().check(z.nonnegative()),
  warnings: z.int().check(z.nonnegative()),
  openThreads: z.int().check(z.nonnegative()),
  updatedAt: z.string(),
  updatedBy: z.nullable(Person),
  submittedAt: z.nullable(z.string()),
  submittedVersion: z.nullable(z.string()),
});
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

/** The answer of `GET /api/overview` and the first event of its stream. */
export const OverviewSchema = z.object({ documents: z.array(OverviewRowSchema) });

/**
 * What the stream `GET /api/overview/events` sends: the whole overview first, then a `row` per
 * document that changed (at most about once a second each) and a `remove` for one that left the
 * caller's reach.
 */
export type OverviewEvent = { type: 'overview'; data: z.infer<typeof OverviewSchema> } | { type: 'row'; data: OverviewRow } | { type: 'remove'; data: { id: string } };

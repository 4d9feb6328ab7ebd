import { z } from 'zod';
import { DOC_STATUSES } from '../../shared/review/workflow.ts';

/*
 * Shapes of the server's JSON answers, checked at the boundary: a response that does not match
 * becomes an ApiError instead of an undefined deep inside an element. Objects are not strict,
 * so the server may add fields without breaking older clients.
 */

/** A user as `/api/me` and `/api/demo/users` describe them; `color` is their presence colour when the server sends it. */
export const UserSchema = z.object({ sub: z.string(), name: z.string(), role: z.string(), color: z.string().optional() });
export type User = z.infer<typeof UserSchema>;

/** One entry of `GET /api/docs`. `updatedAt` is an ISO date string or epoch milliseconds. */
export const DocSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().nullable().optional(),
  department: z.object({ code: z.string(), name: z.string(), region: z.string().nullable().optional() }),
  updatedAt: z.union([z.string(), z.number()]).nullable().optional(),
  /** Workflow status; an unknown one reads as draft. */
  status: z.enum(DOC_STATUSES).catch('draft'),
  /** Validation errors in the document now. */
  errors: z.number().int().nonnegative(),
});
export type DocSummary = z.infer<typeof DocSummarySchema>;

/** Answer of `POST /api/demo/token`. */
export const TokenResponseSchema = z.object({ token: z.string().min(1) });

/** The error body every API error carries; `details` (untrusted) when the error says more. */
export const ApiErrorBodySchema = z.object({ error: z.object({ code: z.string(), zh: z.string(), en: z.string(), details: z.unknown().optional() }) });

/** One place the importer guessed at (`line` is 1-based in the uploaded text). */
const ImportGuessSchema = z.object({
  project: z.string().optional(),
  indicator: z.string().optional(),
  field: z.string().optional(),
  line: z.number(),
  zh: z.string(),
  en: z.string(),
  raw: z.string().optional(),
});

/** Answer of `POST /api/docs/import`: the new document's id and what the importer did. */
export const ImportResponseSchema = z.object({
  id: z.string(),
  report: z.object({
    layout: z.string(),
    projects: z.number(),
    indicators: z.number(),
    guesses: z.array(ImportGuessSchema),
  }),
});
export type ImportResponse = z.infer<typeof ImportResponseSchema>;

/** Answer of `POST /api/docs` and `POST /api/docs/:id/copy`. */
export const CreatedSchema = z.object({ id: z.string().min(1) });

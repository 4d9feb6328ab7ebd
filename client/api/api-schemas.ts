import { z } from 'zod/mini';
import { DOC_STATUSES } from '../../shared/review/workflow.ts';

/*
 * Shapes of the server's JSON answers, checked at the boundary: a response that does not match
 * becomes an ApiError instead of an undefined deep inside an element. Objects are not strict,
 * so the server may add fields without breaking older clients.
 */

/** A user as `/api/me` and `/api/demo/users` describe them; `color` is their presence colour when the server sends it. */
export const UserSchema = z.object({ sub: z.string(), name: z.string(), role: z.string(), color: z.optional(z.string()) });
export type User = z.infer<typeof UserSchema>;

/** One entry of `GET /api/docs`. `updatedAt` is an ISO date string or epoch milliseconds. */
export const DocSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.optional(z.nullable(z.number())),
  department: z.object({ code: z.string(), name: z.string(), region: z.optional(z.nullable(z.string())) }),
  updatedAt: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  /** Workflow status; an unknown one reads as draft. */
  status: z.catch(z.enum(DOC_STATUSES), 'draft'),
  /** Validation errors in the document now. */
  errors: z.int().check(z.nonnegative()),
});
export type DocSummary = z.infer<typeof DocSummarySchema>;

/** Answer of `POST /api/demo/token`. */
export const TokenResponseSchema = z.object({ token: z.string().check(z.minLength(1)) });

/** The error body every API error carries; `details` (untrusted) when the error says more. */
export const ApiErrorBodySchema = z.object({ error: z.object({ code: z.string(), zh: z.string(), en: z.string(), details: z.optional(z.unknown()) }) });

/** One place the importer guessed at (`line` is 1-based in the uploaded text). */
const ImportGuessSchema = z.object({
  project: z.optional(z.string()),
  indicator: z.optional(z.string()),
  field: z.optional(z.string()),
  line: z.number(),
  zh: z.string(),
  en: z.string(),
  raw: z.optional(z.string()),
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
export const CreatedSchema = z.object({ id: z.string().check(z.minLength(1)) });

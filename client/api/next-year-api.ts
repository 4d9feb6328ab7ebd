import { z } from 'zod/mini';
import type { DocEndpoint } from './doc-endpoint.ts';
import { IdAnswerSchema } from './version-schemas.ts';

/** `GET /api/docs/:id/previous`: last year's document within reach (null without one) and its values by row id. */
const PreviousYearSchema = z.object({
  previous: z.nullable(z.object({ id: z.string(), title: z.string(), year: z.nullable(z.number()) })),
  values: z.record(z.string(), z.object({ value: z.string(), basis: z.string() })),
});
export type PreviousYear = z.infer<typeof PreviousYearSchema>;

/** Next year's draft of one document, and the previous year of a draft. */
export class NextYearApi {
  readonly #doc: DocEndpoint;

  constructor(doc: DocEndpoint) {
    this.#doc = doc;
  }

  /** Makes next year's draft of the document (the caller owns it); resolves to its id. */
  async create(): Promise<string> {
    return (await this.#doc.send('POST', '/next-year', IdAnswerSchema)).id;
  }

  /** The document's previous year and 上年指标值 by row id. */
  previous(): Promise<PreviousYear> {
    return this.#doc.get('/previous', PreviousYearSchema);
  }
}

import { z } from 'zod';
import { JixiaoError } from '../../shared/errors.ts';
import type { SigningKey } from '../auth/tokens.ts';
import { readCuratedFile, CURATED_FILE_BYTES } from '../library/read-curated-file.ts';
import type { LibraryIndex } from '../library/library-index.ts';
import type { AccessService } from '../review/access-service.ts';
import type { CuratedStore } from '../storage/curated-store.ts';
import { authenticate, parseInput, readBodyBytes, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the library routes need. */
export interface LibraryRouteDeps {
  key: SigningKey;
  access: AccessService;
  library: LibraryIndex;
  curated: CuratedStore;
}

/** Entries one answer holds by default, and at most. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** Largest oversize upload read to its end before answering (beyond it the connection is simply closed). */
const DRAIN_BYTES = 64 * 1024 * 1024;

const LibraryQuerySchema = z.strictObject({
  q: z.string().max(200).default(''),
  level2: z.string().max(200).default(''),
  // More than the most is the most, as a page size usually is; not a number is a 400.
  limit: z.coerce.number().int().min(1).default(DEFAULT_LIMIT).transform((n) => Math.min(n, MAX_LIMIT)),
});

/**
 * Adds `GET /api/library` (the indicator library within the caller's reach, with the curated
 * 共性指标; `q`, `level2`, `limit`) and `POST /api/library/import` (an admin replaces the curated list
 * with a CSV or .xlsx; a bad file changes nothing).
 */
export function addLibraryRoutes(router: Router, deps: LibraryRouteDeps): void {
  const { key, access, library, curated } = deps;
  router.on('GET', '/api/library', async (req, res) => {
    const user = await authenticate(key, req);
    const query = parseInput(LibraryQuerySchema, Object.fromEntries(new URL(req.url ?? '', 'http://x').searchParams));
    // The same reach as the document list (`access.roleOn`): only documents the caller could open.
    // Every token role but `admin` has a role on each document it reaches (server/orgs/reach.ts,
    // effectiveRole), so for them the organisation check suffices and no review document is read.
    const canOpen = (id: string) => access.roleOn(id, user).then(() => true, () => false);
    const items = await library.search(user.role === 'admin' ? canOpen : (id) => access.orgs.reaches(user, id), query);
    sendJson(res, 200, { items });
  });

  router.on('POST', '/api/library/import', async (req, res) => {
    const user = await authenticate(key, req);
    const tooBig = new JixiaoError({ code: 'IMPORT_FAILED', zh: `文件超过 ${CURATED_FILE_BYTES / 1024 / 1024} MB。`, en: `The file exceeds ${CURATED_FILE_BYTES / 1024 / 1024} MB.` });
    // A declared oversize body is read to its end first, so the sender gets the answer rather than a reset connection.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > CURATED_FILE_BYTES && declared <= DRAIN_BYTES) {
      for await (const chunk of req as AsyncIterable<Buffer>) void chunk;
      throw tooBig;
    }
    const bytes = await readBodyBytes(req, CURATED_FILE_BYTES).catch((error: unknown) => {
      throw error instanceof JixiaoError && error.code === 'PAYLOAD_TOO_LARGE' ? tooBig : error;
    });
    const result = await readCuratedFile(new Uint8Array(bytes));
    if (!result.ok) throw result.error;
    await curated.replace(result.value, user.sub);
    sendJson(res, 200, { imported: result.value.length });
  });
}

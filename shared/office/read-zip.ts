import { unzipSync, type UnzipFileInfo } from 'fflate';
import { fail, ok, type Result } from '../errors.ts';
import type { JixiaoError } from '../errors.ts';
import { damaged, tooLarge } from './office-errors.ts';

/** Limits checked on the zip's central directory before anything is inflated. */
export const ZIP_LIMITS = {
  /** Parts in one file; a large .xlsx with 1,000 sheets has ~2,100. */
  entries: 4_000,
  /** Declared size of one part, bytes. */
  entryBytes: 64 * 1024 * 1024,
  /** Declared size of all parts, bytes. */
  totalBytes: 160 * 1024 * 1024,
  /** Declared size over compressed size of one part (XML compresses ~10–30×). */
  ratio: 200,
} as const;

/** The parts of a zip by name: their declared sizes, and the bytes of those asked for. */
export interface ZipParts {
  names: string[];
  files: Record<string, Uint8Array>;
}

/**
 * Reads a .docx/.xlsx zip safely: a first pass over the central directory (nothing inflated) counts the parts
 * and sums their declared sizes against `ZIP_LIMITS`, and rejects `..` or absolute names; only then are the
 * parts `want` accepts inflated. fflate inflates into a buffer of the declared size, so a part that lies about
 * its size cannot grow past it. A truncated or corrupt zip gives a "damaged" error.
 */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean): Result<ZipParts, JixiaoError> {
  const names: string[] = [];
  let total = 0;
  let problem: string | null = null;
  const check = (file: UnzipFileInfo): boolean => {
    if (problem !== null) return false;
    names.push(file.name);
    total += file.originalSize;
    if (names.length > ZIP_LIMITS.entries) problem = `more than ${ZIP_LIMITS.entries} entries`;
    else if (file.originalSize > ZIP_LIMITS.entryBytes) problem = `${file.name}: ${file.originalSize} bytes`;
    else if (total > ZIP_LIMITS.totalBytes) problem = `over ${ZIP_LIMITS.totalBytes} bytes in all`;
    else if (file.size > 0 && file.originalSize / file.size > ZIP_LIMITS.ratio && file.originalSize > 1024 * 1024) problem = `${file.name}: ratio ${Math.round(file.originalSize / file.size)}`;
    else if (file.name.startsWith('/') || file.name.split('/').includes('..')) problem = `unsafe name ${file.name}`;
    return false;
  };
  try {
    unzipSync(bytes, { filter: check });
  } catch (error) {
    return fail(damaged(error instanceof Error ? error.message : String(error)));
  }
  if (problem !== null) return fail(tooLarge(problem));
  try {
    return ok({ names, files: unzipSync(bytes, { filter: (file) => want(file.name) }) });
  } catch (error) {
    return fail(damaged(error instanceof Error ? error.message : String(error)));
  }
}

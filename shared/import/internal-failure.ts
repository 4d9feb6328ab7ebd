import { JixiaoError, fail, type Result } from '../errors.ts';

/**
 * Runs an importer so that it never throws: a bug met on some unforeseen file becomes the
 * bilingual `IMPORT_FAILED` (with the message in `details`) instead of an exception. Shared by the
 * text and the office importers.
 */
export function withoutThrowing<T>(run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (error) {
    return fail(new JixiaoError({
      code: 'IMPORT_FAILED',
      zh: '导入时发生内部错误，请将该文件反馈给开发人员。',
      en: 'The import failed with an internal error; please send this file to the developers.',
      details: error instanceof Error ? error.message : String(error),
    }));
  }
}

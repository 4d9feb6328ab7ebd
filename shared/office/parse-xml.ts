import { DOMParser, type Document } from '@xmldom/xmldom';
import { fail, ok, type JixiaoError, type Result } from '../errors.ts';
import { damaged } from './office-errors.ts';

/** WordprocessingML main namespace. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Parses one XML part of an office file. A DOCTYPE is refused outright (no office part has one, and it is
 * how entity-expansion attacks start); any parse error or warning is a "damaged file" error, never a console line.
 */
export function parseXml(bytes: Uint8Array, part: string): Result<Document, JixiaoError> {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE/i.test(text.slice(0, 2048))) return fail(damaged(`${part}: DOCTYPE`));
  try {
    const parser = new DOMParser({
      locator: false,
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    });
    return ok(parser.parseFromString(text, 'text/xml'));
  } catch (error) {
    return fail(damaged(`${part}: ${error instanceof Error ? error.message : String(error)}`));
  }
}

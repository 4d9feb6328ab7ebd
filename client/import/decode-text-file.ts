/** Encodings a text export from Word or a PDF tool arrives in. */
export type TextFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A decoded file: its text and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: TextFileEncoding;
}

// More replacement characters than this share of the text means the bytes were not UTF-8.
const MISDECODED_SHARE = 0.001;

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/**
 * Reads a text file whose encoding nobody declared: a UTF-16 byte-order mark wins (Word's
 * "Unicode text"); otherwise UTF-8, unless that leaves many U+FFFD replacement characters —
 * the file is then most likely GB18030/GBK (Chinese Windows' ANSI code page) and is read so,
 * if that reads better. Never throws; undecodable bytes become U+FFFD.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const bad = countReplacements(utf8);
  if (bad === 0 || bad <= utf8.length * MISDECODED_SHARE) return { text: utf8, encoding: 'utf-8' };
  const gb = new TextDecoder('gb18030').decode(bytes);
  return countReplacements(gb) < bad ? { text: gb, encoding: 'gb18030' } : { text: utf8, encoding: 'utf-8' };
}
